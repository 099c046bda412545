package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.BinaryOp;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Variable;

/**
 * Decomposes an array access {@code array[index]} into a loop-invariant base and an index {@code iv + offset}.
 * The analysis and the emitter both use it, so they always agree on what an access means.
 */
public final class AffineIndex {

    private AffineIndex() {}

    /**
     * The invariant base of an access: a local array, or row {@code m[r]} of an invariant array of arrays.
     *
     * @param array the array operand
     * @param invariance the loop's invariance
     * @return the base, or null when the array may change in the loop
     */
    public static ArrayAccess.ArrayBase base(Expr array, Invariance invariance) {
        if (array instanceof Expr.Read read && invariance.isInvariant(read)) {
            return new ArrayAccess.ArrayBase(read.variable(), null);
        }
        if (array instanceof Expr.ArrayLoad row
                && row.array() instanceof Expr.Read matrix
                && invariance.isInvariant(matrix)
                && invariance.isInvariant(row.index())) {
            return new ArrayAccess.ArrayBase(matrix.variable(), row.index());
        }
        return null;
    }

    /**
     * The invariant offset c of an index {@code iv + c}, {@code c + iv}, {@code iv - k} or {@code iv}.
     *
     * @param index the index operand
     * @param iv the induction variable
     * @param invariance the loop's invariance
     * @return the offset (a constant 0 for {@code iv} itself), or null when the index is not affine
     */
    public static Expr offset(Expr index, Variable iv, Invariance invariance) {
        if (isInduction(index, iv)) {
            return new Expr.Const(0, Kind.INT, index.line());
        }
        if (index instanceof Expr.Binary binary && binary.kind() == Kind.INT) {
            if (binary.op() == BinaryOp.ADD
                    && isInduction(binary.left(), iv)
                    && invariance.isInvariant(binary.right())) {
                return binary.right();
            }
            if (binary.op() == BinaryOp.ADD
                    && isInduction(binary.right(), iv)
                    && invariance.isInvariant(binary.left())) {
                return binary.left();
            }
            if (binary.op() == BinaryOp.SUB
                    && isInduction(binary.left(), iv)
                    && binary.right() instanceof Expr.Const c) {
                return new Expr.Const(-(Integer) c.value(), Kind.INT, index.line());
            }
        }
        return null;
    }

    /**
     * Whether an offset is the constant zero.
     *
     * @param offset an offset from {@link #offset}
     * @return true for zero
     */
    public static boolean isZero(Expr offset) {
        return offset instanceof Expr.Const c && Integer.valueOf(0).equals(c.value());
    }

    private static boolean isInduction(Expr e, Variable iv) {
        return e instanceof Expr.Read read && read.variable().equals(iv);
    }
}
