package dev.stride.compiler.ir;

import java.util.List;

/**
 * A side-effect-free (or exception-only) expression tree, rebuilt from the operand stack. Every node carries its
 * kind and source line. A closed hierarchy: analyses and emitters switch over it exhaustively.
 */
public sealed interface Expr {

    /** The kind of the value. */
    Kind kind();

    /** The source line (0 when the class has no line table). */
    int line();

    /**
     * A constant.
     *
     * @param value a boxed Integer, Long, Float, Double, or null for {@code aconst_null}
     */
    record Const(Object value, Kind kind, int line) implements Expr {}

    /** A read of a variable (local slot or stack temporary). */
    record Read(Variable variable, Kind kind, int line) implements Expr {}

    /** Binary arithmetic, logic or shift. */
    record Binary(BinaryOp op, Expr left, Expr right, Kind kind, int line) implements Expr {}

    /** Negation. */
    record Negate(Expr operand, Kind kind, int line) implements Expr {}

    /** A primitive conversion ({@code i2d}, {@code l2i}, ...); narrowing to byte/short/char is opaque. */
    record Convert(Expr operand, Kind kind, int line) implements Expr {}

    /**
     * A three-way comparison ({@code lcmp}, {@code fcmpl/g}, {@code dcmpl/g}) producing -1, 0 or 1.
     *
     * @param nanIsGreater for floating point: whether NaN compares as 1 ({@code *cmpg}) or -1 ({@code *cmpl})
     */
    record Compare(Expr left, Expr right, boolean nanIsGreater, int line) implements Expr {
        @Override
        public Kind kind() {
            return Kind.INT;
        }
    }

    /** {@code array[index]}. */
    record ArrayLoad(Expr array, Expr index, Kind elementKind, int line) implements Expr {
        @Override
        public Kind kind() {
            return elementKind == Kind.REF ? Kind.REF : Kind.ofType(elementKind.asmType());
        }
    }

    /** {@code array.length}. */
    record ArrayLength(Expr array, int line) implements Expr {
        @Override
        public Kind kind() {
            return Kind.INT;
        }
    }

    /** A static or virtual call used as a value (or as a statement through {@link Stmt.Eval}). */
    record Call(
            String owner, String name, String descriptor, boolean isStatic, List<Expr> arguments, Kind kind, int line)
            implements Expr {}

    /** A field read; {@code target} is null for static fields. */
    record FieldLoad(String owner, String name, String descriptor, Expr target, Kind kind, int line) implements Expr {}

    /**
     * A value the IR does not model (object allocation, instanceof, ...). Loops containing it are not optimised.
     *
     * @param what the construct, in words, for the report
     */
    record Opaque(String what, Kind kind, int line) implements Expr {}
}
