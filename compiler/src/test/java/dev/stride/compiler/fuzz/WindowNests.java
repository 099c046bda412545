package dev.stride.compiler.fuzz;

import dev.stride.compiler.fuzz.Kernel.Param;
import dev.stride.compiler.fuzz.Kernel.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Sliding-window loop nests, the shape Stride vectorises across the outer loop:
 *
 * <pre>
 * for (int k = 0; k &lt; windows; k++) {
 *     double acc = 0;
 *     for (int j = 0; j &lt; n; j++) { acc += x[k + j]; }
 *     out[k] = acc / n;
 * }
 * </pre>
 *
 * with one or two inner loops (sums, squared deviations from a per-window mean, minima and maxima, terms under
 * conditions) and several ways of writing the outer bound. Never fastmath: each lane must stay bit-exact.
 */
final class WindowNests {
    private final Random random;
    private final ExpressionGenerator expressions;

    WindowNests(Random random, ExpressionGenerator expressions) {
        this.random = random;
        this.expressions = expressions;
    }

    Kernel generate(String name, Kind kind) {
        List<Param> parameters = new ArrayList<>();
        parameters.add(new Param(kind, 1, "x", Role.ARRAY));
        parameters.add(new Param(Kind.INT, 0, "n", Role.BOUND));
        parameters.add(new Param(kind, 1, "out", Role.ARRAY));
        boolean mean = random.nextInt(3) == 0;
        if (mean) {
            parameters.add(new Param(kind, 1, "mean", Role.ARRAY));
        }
        List<Stmt> statements = new ArrayList<>();
        Expr bound = outerBound(statements);
        List<Stmt> outer = new ArrayList<>();
        Scope inner = new Scope(kind, "k + j", List.of("x"));
        if (mean) {
            outer.add(new Stmt.Declare(kind, "m", new Expr.Read(kind, "mean", new Expr.Index("k", 0))));
            inner.values.add(new Expr.Var(kind, "m"));
        }
        int loops = random.nextInt(4) == 0 ? 2 : 1;
        Expr stored = null;
        for (int loop = 0; loop < loops; loop++) {
            String accumulator = "acc" + loop;
            boolean extreme = random.nextInt(4) == 0;
            outer.add(new Stmt.Declare(kind, accumulator, new Expr.Const(kind, 0)));
            outer.add(new Stmt.Loop(
                    "j",
                    new Expr.Const(Kind.INT, 0),
                    "<",
                    new Expr.Var(Kind.INT, "n"),
                    1,
                    false,
                    innerBody(inner, accumulator, extreme)));
            Expr value = windowValue(kind, accumulator, extreme);
            stored = stored == null ? value : new Expr.Binary(kind, random.nextBoolean() ? "+" : "-", stored, value);
        }
        int offset = random.nextInt(4) == 0 ? random.nextInt(3) : 0;
        outer.add(new Stmt.Store("out", new Expr.Index("k", offset), stored));
        statements.add(new Stmt.Loop("k", new Expr.Const(Kind.INT, 0), "<", bound, 1, false, outer));
        return new Kernel(name, false, null, parameters, statements, List.of());
    }

    private Expr outerBound(List<Stmt> statements) {
        Expr length = new Expr.Var(Kind.INT, "x.length");
        Expr n = new Expr.Var(Kind.INT, "n");
        int choice = random.nextInt(3);
        if (choice == 0) {
            Expr windows = new Expr.Binary(
                    Kind.INT, "+", new Expr.Binary(Kind.INT, "-", length, n), new Expr.Const(Kind.INT, 1));
            statements.add(new Stmt.Declare(Kind.INT, "windows", windows));
            return new Expr.Var(Kind.INT, "windows");
        }
        if (choice == 1) {
            return new Expr.Binary(Kind.INT, "-", new Expr.Var(Kind.INT, "out.length"), new Expr.Const(Kind.INT, 2));
        }
        return new Expr.Binary(Kind.INT, "-", length, n);
    }

    private List<Stmt> innerBody(Scope scope, String accumulator, boolean extreme) {
        Kind kind = scope.kind;
        Expr read = new Expr.Read(kind, "x", new Expr.Index("k + j", 0));
        List<Stmt> body = new ArrayList<>();
        Expr term = read;
        int choice = random.nextInt(6);
        if (choice == 0 && !scope.values.isEmpty()) {
            body.add(new Stmt.Declare(kind, "d", new Expr.Binary(kind, "-", read, scope.values.getFirst())));
            Expr d = new Expr.Var(kind, "d");
            term = new Expr.Binary(kind, "*", d, d);
        } else if (choice == 1) {
            term = new Expr.Call(kind, "Math.abs", List.of(read));
        } else if (choice == 2) {
            term = expressions.value(scope, 2);
        }
        Expr variable = new Expr.Var(kind, accumulator);
        Stmt update = extreme
                ? new Stmt.Assign(accumulator, "=", new Expr.Call(kind, "Math.max", List.of(variable, term)))
                : new Stmt.Assign(accumulator, "+=", term);
        body.add(
                random.nextInt(5) == 0
                        ? new Stmt.If(expressions.condition(scope, 1), List.of(update), List.of())
                        : update);
        return body;
    }

    private Expr windowValue(Kind kind, String accumulator, boolean extreme) {
        Expr variable = new Expr.Var(kind, accumulator);
        if (extreme || !kind.floating() || random.nextInt(4) == 0) {
            return variable;
        }
        Expr mean = new Expr.Binary(kind, "/", variable, new Expr.Var(Kind.INT, "n"));
        return random.nextInt(3) == 0 && kind == Kind.DOUBLE ? new Expr.Call(kind, "Math.sqrt", List.of(mean)) : mean;
    }
}
