package dev.stride.compiler.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The shrinker's moves: every kernel one simplification away from a given kernel, biggest steps first (drop a
 * statement, keep one branch of an {@code if}, turn fastmath off, replace an expression by a sub-expression of
 * the same kind or a small constant, halve a constant, zero an offset, drop an unused parameter). Moves may
 * produce code javac rejects; the shrinker simply discards those.
 */
final class KernelEdits {
    private KernelEdits() {}

    /** A preorder position counter shared by one walk. */
    private static final class Position {
        private int remaining;

        Position(int target) {
            this.remaining = target;
        }

        boolean here() {
            return remaining-- == 0;
        }
    }

    /**
     * Every single-step simplification of a kernel.
     *
     * @param kernel the kernel
     * @return candidates, largest simplifications first
     */
    static List<Kernel> candidates(Kernel kernel) {
        List<Kernel> candidates = new ArrayList<>();
        int statements = countStatements(kernel.body());
        for (int k = 0; k < statements; k++) {
            candidates.add(replaceStatement(kernel, k, s -> List.of()));
        }
        for (int k = 0; k < statements; k++) {
            candidates.add(replaceStatement(kernel, k, s -> s instanceof Stmt.If i ? i.then() : List.of(s)));
            candidates.add(replaceStatement(kernel, k, s -> s instanceof Stmt.If i ? i.otherwise() : List.of(s)));
        }
        if (kernel.fastmath()) {
            candidates.add(kernel.withoutFastmath());
        }
        int expressions = countExpressions(kernel);
        for (int k = 0; k < expressions; k++) {
            for (Function<Expr, Expr> simplification : simplifications(expressionAt(kernel, k))) {
                candidates.add(replaceExpression(kernel, k, simplification));
            }
        }
        candidates.addAll(withoutUnusedParameters(kernel));
        return candidates.stream()
                .map(KernelEdits::normalise)
                .filter(candidate -> !candidate.equals(kernel))
                .distinct()
                .toList();
    }

    private static List<Function<Expr, Expr>> simplifications(Expr expression) {
        List<Function<Expr, Expr>> moves = new ArrayList<>();
        for (Expr descendant : descendants(expression)) {
            if (descendant.kind() == expression.kind()) {
                moves.add(e -> descendant);
            }
        }
        switch (expression) {
            case Expr.Const c -> {
                for (double value : new double[] {0, 1, (long) (c.value() / 2)}) {
                    if (value != c.value() && Double.isFinite(c.value())) {
                        moves.add(e -> new Expr.Const(c.kind(), value));
                    }
                }
                if (!Double.isFinite(c.value())) {
                    moves.add(e -> new Expr.Const(c.kind(), 1));
                }
            }
            case Expr.Index i -> {
                if (i.offset() != 0) {
                    moves.add(e -> new Expr.Index(i.variable(), 0));
                }
            }
            default -> {
                moves.add(e -> new Expr.Const(e.kind(), 0));
                moves.add(e -> new Expr.Const(e.kind(), 1));
            }
        }
        return moves;
    }

    private static List<Expr> descendants(Expr expression) {
        List<Expr> found = new ArrayList<>();
        for (Expr child : expression.children()) {
            found.add(child);
            found.addAll(descendants(child));
        }
        return found;
    }

    private static List<Kernel> withoutUnusedParameters(Kernel kernel) {
        String body = KernelSource.render(kernel.withBody(kernel.body()));
        String text = body.substring(body.indexOf('{'));
        List<Kernel> candidates = new ArrayList<>();
        for (Kernel.Param parameter : kernel.parameters()) {
            if (!Pattern.compile("\\b" + Pattern.quote(parameter.name()) + "\\b")
                    .matcher(text)
                    .find()) {
                List<Kernel.Param> kept = new ArrayList<>(kernel.parameters());
                kept.remove(parameter);
                candidates.add(kernel.withParameters(kept));
            }
        }
        return candidates;
    }

    /**
     * Forgets accumulators whose declaration was removed, so the scale companion still compiles (an accumulator
     * in an array element such as {@code total[0]} has no declaration and stays).
     */
    private static Kernel normalise(Kernel kernel) {
        List<String> declared = new ArrayList<>();
        collectDeclarations(kernel.body(), declared);
        List<String> sums = kernel.floatingSums().stream()
                .filter(name -> declared.contains(name) || name.contains("["))
                .toList();
        return kernel.withFloatingSums(sums);
    }

    private static void collectDeclarations(List<Stmt> body, List<String> declared) {
        for (Stmt statement : body) {
            switch (statement) {
                case Stmt.Declare d -> declared.add(d.name());
                case Stmt.If i -> {
                    collectDeclarations(i.then(), declared);
                    collectDeclarations(i.otherwise(), declared);
                }
                case Stmt.Loop l -> collectDeclarations(l.body(), declared);
                default -> {}
            }
        }
    }

    private static int countStatements(List<Stmt> body) {
        int count = 0;
        for (Stmt statement : body) {
            count += 1
                    + switch (statement) {
                        case Stmt.If i -> countStatements(i.then()) + countStatements(i.otherwise());
                        case Stmt.Loop l -> countStatements(l.body());
                        default -> 0;
                    };
        }
        return count;
    }

    private static Kernel replaceStatement(Kernel kernel, int target, Function<Stmt, List<Stmt>> replacement) {
        return kernel.withBody(replaceStatements(kernel.body(), new Position(target), replacement));
    }

    private static List<Stmt> replaceStatements(
            List<Stmt> body, Position position, Function<Stmt, List<Stmt>> replacement) {
        List<Stmt> result = new ArrayList<>();
        for (Stmt statement : body) {
            if (position.here()) {
                result.addAll(replacement.apply(statement));
                continue;
            }
            result.add(
                    switch (statement) {
                        case Stmt.If i ->
                            new Stmt.If(
                                    i.condition(),
                                    replaceStatements(i.then(), position, replacement),
                                    replaceStatements(i.otherwise(), position, replacement));
                        case Stmt.Loop l ->
                            new Stmt.Loop(
                                    l.variable(),
                                    l.start(),
                                    l.compare(),
                                    l.bound(),
                                    l.step(),
                                    l.whileForm(),
                                    replaceStatements(l.body(), position, replacement));
                        default -> statement;
                    });
        }
        return result;
    }

    private static int countExpressions(Kernel kernel) {
        int[] count = {0};
        mapExpressions(kernel.body(), e -> {
            count[0]++;
            return e;
        });
        return count[0];
    }

    private static Expr expressionAt(Kernel kernel, int target) {
        Expr[] found = {null};
        Position position = new Position(target);
        mapExpressions(kernel.body(), e -> {
            if (position.here()) {
                found[0] = e;
            }
            return e;
        });
        return found[0];
    }

    private static Kernel replaceExpression(Kernel kernel, int target, Function<Expr, Expr> replacement) {
        Position position = new Position(target);
        return kernel.withBody(mapExpressions(kernel.body(), e -> position.here() ? replacement.apply(e) : null));
    }

    /**
     * Applies a function to every expression in preorder; where it returns a non-null expression, that replaces
     * the node (and its subtree is not visited).
     */
    private static List<Stmt> mapExpressions(List<Stmt> body, Function<Expr, Expr> function) {
        List<Stmt> result = new ArrayList<>();
        for (Stmt statement : body) {
            result.add(
                    switch (statement) {
                        case Stmt.Declare d -> new Stmt.Declare(d.kind(), d.name(), map(d.init(), function));
                        case Stmt.Store s ->
                            new Stmt.Store(s.array(), map(s.index(), function), map(s.value(), function));
                        case Stmt.Assign a -> new Stmt.Assign(a.name(), a.operator(), map(a.value(), function));
                        case Stmt.If i ->
                            new Stmt.If(
                                    map(i.condition(), function),
                                    mapExpressions(i.then(), function),
                                    mapExpressions(i.otherwise(), function));
                        case Stmt.Loop l ->
                            new Stmt.Loop(
                                    l.variable(),
                                    map(l.start(), function),
                                    l.compare(),
                                    map(l.bound(), function),
                                    l.step(),
                                    l.whileForm(),
                                    mapExpressions(l.body(), function));
                        case Stmt.Return r -> new Stmt.Return(map(r.value(), function));
                        case Stmt.Verbatim v -> v;
                        case Stmt.Break b -> b;
                    });
        }
        return result;
    }

    private static Expr map(Expr expression, Function<Expr, Expr> function) {
        if (expression == null) {
            return null;
        }
        Expr replaced = function.apply(expression);
        if (replaced != null && replaced != expression) {
            return replaced;
        }
        List<Expr> children = new ArrayList<>();
        for (Expr child : expression.children()) {
            children.add(map(child, function));
        }
        return children.isEmpty() ? expression : expression.withChildren(children);
    }
}
