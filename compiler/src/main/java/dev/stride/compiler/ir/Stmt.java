package dev.stride.compiler.ir;

/**
 * A statement of a basic block. Terminators ({@link Branch}, {@link Jump}, {@link Return}, {@link Throw},
 * {@link Switch}) end a block; a block without one falls through to the next block.
 */
public sealed interface Stmt {

    /** The source line (0 when unknown). */
    int line();

    /** {@code variable = value}. */
    record Store(Variable variable, Expr value, int line) implements Stmt {}

    /** {@code array[index] = value}. */
    record ArrayStore(Expr array, Expr index, Expr value, Kind elementKind, int line) implements Stmt {}

    /** An expression evaluated for its effects (a call whose result is unused or void). */
    record Eval(Expr expr, int line) implements Stmt {}

    /** A field write; {@code target} is null for static fields. */
    record FieldStore(String owner, String name, Expr target, Expr value, int line) implements Stmt {}

    /** {@code if (condition) goto whenTrue else goto whenFalse} (block ids). */
    record Branch(Condition condition, int whenTrue, int whenFalse, int line) implements Stmt {}

    /** {@code goto target} (block id). */
    record Jump(int target, int line) implements Stmt {}

    /** {@code return value}; value is null for {@code void}. */
    record Return(Expr value, int line) implements Stmt {}

    /** {@code throw value}. */
    record Throw(Expr value, int line) implements Stmt {}

    /** A {@code tableswitch} or {@code lookupswitch}: several successors, not modelled further. */
    record Switch(Expr key, java.util.List<Integer> targets, int line) implements Stmt {}

    /**
     * An effect the IR does not model ({@code monitorenter}, {@code jsr}, ...).
     *
     * @param what the construct, in words, for the report
     */
    record Opaque(String what, int line) implements Stmt {}
}
