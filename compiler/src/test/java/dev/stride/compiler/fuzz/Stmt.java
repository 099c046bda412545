package dev.stride.compiler.fuzz;

import java.util.List;

/** A statement of a generated kernel: the closed set of shapes the generator emits and the shrinker removes. */
sealed interface Stmt {

    /** {@code T name = init;} */
    record Declare(Kind kind, String name, Expr init) implements Stmt {}

    /** A line the generator writes verbatim, such as {@code double[] row = m[r];}. */
    record Verbatim(String line) implements Stmt {}

    /** {@code array[index] = value;} */
    record Store(String array, Expr index, Expr value) implements Stmt {}

    /** {@code name op value;} with op {@code = += -= *= &= |= ^=}, or {@code name++;} when value is null. */
    record Assign(String name, String operator, Expr value) implements Stmt {}

    /** {@code if (condition) { then } else { otherwise }}; the else part is omitted when empty. */
    record If(Expr condition, List<Stmt> then, List<Stmt> otherwise) implements Stmt {}

    /**
     * A counted loop {@code for (int variable = start; variable compare bound; variable += step)}, or the same
     * loop written as {@code while}.
     */
    record Loop(String variable, Expr start, String compare, Expr bound, int step, boolean whileForm, List<Stmt> body)
            implements Stmt {}

    /** {@code break;} */
    record Break() implements Stmt {}

    /** {@code return value;}, or {@code return;} when value is null. */
    record Return(Expr value) implements Stmt {}
}
