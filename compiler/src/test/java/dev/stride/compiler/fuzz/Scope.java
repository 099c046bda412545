package dev.stride.compiler.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * What an expression generated inside one loop body may refer to: the element kind, the arrays it reads at
 * {@code variable + offset}, and the scalar values (parameters, locals, odd extra leaves such as a converted
 * read of an array of another type) in scope.
 */
final class Scope {
    final Kind kind;
    final String variable;
    final List<String> arrays;
    final List<Expr> values;
    final List<Expr> extraLeaves;
    int minimumOffset;
    int maximumOffset;
    boolean division;

    Scope(Kind kind, String variable, List<String> arrays) {
        this.kind = kind;
        this.variable = variable;
        this.arrays = new ArrayList<>(arrays);
        this.values = new ArrayList<>();
        this.extraLeaves = new ArrayList<>();
    }

    /** @return a copy for a nested block, whose locals must not leak out of it */
    Scope nested() {
        Scope copy = new Scope(kind, variable, arrays);
        copy.values.addAll(values);
        copy.extraLeaves.addAll(extraLeaves);
        copy.minimumOffset = minimumOffset;
        copy.maximumOffset = maximumOffset;
        copy.division = division;
        return copy;
    }
}
