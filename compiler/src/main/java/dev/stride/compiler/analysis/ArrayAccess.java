package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Variable;

/**
 * One array read or write in a vectorised loop, at index {@code iv + offset}.
 *
 * @param base the array: a local variable, or a row {@code matrix[row]} of an array of arrays
 * @param offset the loop-invariant offset added to the induction variable
 * @param constantOffset the offset when it is a compile-time constant, else null
 * @param store whether this is a write
 * @param elementKind the element kind
 * @param line the source line
 */
public record ArrayAccess(
        ArrayBase base, Expr offset, Integer constantOffset, boolean store, Kind elementKind, int line) {

    /**
     * The array an access goes to: {@code array} itself, or row {@code row} of {@code matrix}.
     *
     * @param variable the array variable, or the matrix variable for rows
     * @param row the invariant row index for rows, null for plain arrays
     */
    public record ArrayBase(Variable variable, Expr row) {
        /** @return whether this is a row of an array of arrays */
        public boolean isRow() {
            return row != null;
        }
    }
}
