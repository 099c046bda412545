package dev.stride.compiler.fuzz;

import dev.stride.compiler.fuzz.Kernel.Param;
import dev.stride.compiler.fuzz.Kernel.Role;
import dev.stride.compiler.fuzz.Kernel.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Kernels of the conversion family: one loop over arrays of two to four element kinds, converting per element.
 * Shapes: {@code cast-map} (stores of mixed-kind values, {@code out[i] = (double) ia[i] * d[i]},
 * {@code lo[i] = (long) d[i]}), {@code int-mask-select} (a comparison of one kind choosing values of another),
 * {@code induction-value} ({@code (float) i}, {@code if (i < k)}), {@code mixed-reduction} (an accumulator of
 * one kind over another kind's arrays, {@code long s += ia[i]}, {@code double s += fa[i]}, sometimes the
 * narrowing {@code int s += d[i]}), and {@code mixed-prefix-sum} (the same accumulator stored in every
 * iteration). Floating sums are under fastmath in most kernels; everything else is exact.
 */
final class ConversionLoops {
    private static final List<Kind> NUMERIC = List.of(Kind.INT, Kind.LONG, Kind.FLOAT, Kind.DOUBLE);

    private final Random random;

    ConversionLoops(Random random) {
        this.random = random;
    }

    Kernel generate(String name) {
        List<Param> parameters = new ArrayList<>();
        List<Kind> kinds = kinds();
        int maximumOffset = random.nextInt(3) == 0 ? 1 : 0;
        MixedExpressions expressions = new MixedExpressions(random, "i", maximumOffset);
        for (Kind kind : kinds) {
            String array = arrayName(kind, "a");
            parameters.add(new Param(kind, 1, array, Role.ARRAY));
            expressions.array(kind, array);
        }
        String shape = List.of("cast-map", "int-mask-select", "induction-value", "mixed-reduction", "mixed-prefix-sum")
                .get(random.nextInt(5));
        if (shape.equals("induction-value") || random.nextInt(4) == 0) {
            expressions.withInduction();
        }
        if (shape.equals("induction-value") || random.nextInt(3) == 0) {
            parameters.add(new Param(Kind.INT, 0, "k", Role.BOUND));
            expressions.intScalar("k");
        }
        String lengthArray = parameters.getFirst().name();
        Expr bound = bound(parameters, lengthArray, maximumOffset);
        return shape.startsWith("mixed-")
                ? reduction(name, shape, parameters, expressions, bound)
                : map(name, shape, parameters, expressions, bound);
    }

    /** Two to four distinct kinds, at least one of them floating and one integral in most kernels. */
    private List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        kinds.add(random.nextBoolean() ? Kind.INT : Kind.LONG);
        kinds.add(random.nextBoolean() ? Kind.DOUBLE : Kind.FLOAT);
        if (random.nextInt(3) == 0) {
            Kind extra = NUMERIC.get(random.nextInt(4));
            if (!kinds.contains(extra)) {
                kinds.add(extra);
            }
        }
        if (random.nextInt(6) == 0) {
            kinds.removeFirst();
            Kind other = kinds.getFirst() == Kind.DOUBLE ? Kind.FLOAT : Kind.DOUBLE;
            if (!kinds.contains(other)) {
                kinds.add(other);
            }
        }
        return kinds;
    }

    private static String arrayName(Kind kind, String suffix) {
        return kind.javaName().charAt(0) + suffix;
    }

    private Expr bound(List<Param> parameters, String lengthArray, int maximumOffset) {
        if (random.nextInt(5) == 0) {
            parameters.add(new Param(Kind.INT, 0, "n", Role.BOUND));
            return new Expr.Var(Kind.INT, "n");
        }
        Expr length = new Expr.Var(Kind.INT, lengthArray + ".length");
        return maximumOffset == 0
                ? length
                : new Expr.Binary(Kind.INT, "-", length, new Expr.Const(Kind.INT, maximumOffset));
    }

    private Kernel map(String name, String shape, List<Param> parameters, MixedExpressions expressions, Expr bound) {
        List<Stmt> body = new ArrayList<>();
        int outputs = random.nextInt(3) == 0 ? 2 : 1;
        Kind previous = null;
        for (int k = 0; k < outputs; k++) {
            Kind kind = NUMERIC.get(random.nextInt(4));
            if (kind == previous) {
                kind = NUMERIC.get((NUMERIC.indexOf(kind) + 1) % 4);
            }
            previous = kind;
            String output = arrayName(kind, "out");
            parameters.add(new Param(kind, 1, output, Role.ARRAY));
            body.add(store(shape, output, kind, expressions));
        }
        Stmt loop = new Stmt.Loop("i", new Expr.Const(Kind.INT, 0), "<", bound, 1, random.nextInt(10) == 0, body);
        return new Kernel(
                name,
                false,
                null,
                parameters,
                List.of(loop),
                List.of(),
                new Shape(Family.CONVERSION, shape),
                List.of());
    }

    private Stmt store(String shape, String output, Kind kind, MixedExpressions expressions) {
        Expr index = new Expr.Index("i", 0);
        Expr value = fit(expressions.readingValue(kind, 3), kind);
        return switch (shape) {
            case "int-mask-select" -> {
                Expr condition = maskCondition(expressions);
                yield new Stmt.Store(
                        output, index, new Expr.Ternary(kind, condition, value, fit(expressions.value(kind, 1), kind)));
            }
            case "induction-value" ->
                random.nextBoolean()
                        ? new Stmt.If(
                                expressions.condition(1), List.of(new Stmt.Store(output, index, value)), List.of())
                        : new Stmt.Store(output, index, value);
            default ->
                random.nextInt(4) == 0
                        ? new Stmt.If(
                                expressions.condition(1), List.of(new Stmt.Store(output, index, value)), List.of())
                        : new Stmt.Store(output, index, value);
        };
    }

    /** A comparison of integral values (a mask of one lane size selecting values of another). */
    private Expr maskCondition(MixedExpressions expressions) {
        String[] operators = {"<", "<=", ">", ">=", "==", "!="};
        Kind kind = random.nextBoolean() ? Kind.INT : Kind.LONG;
        Expr left = expressions.exactly(kind, 1);
        Expr right = random.nextBoolean() ? new Expr.Const(kind, random.nextInt(3) - 1) : expressions.value(kind, 1);
        return new Expr.Binary(Kind.BOOLEAN, operators[random.nextInt(operators.length)], left, right);
    }

    /** The value, cast to the store's kind when it does not widen to it (sometimes cast even when it does). */
    private Expr fit(Expr value, Kind kind) {
        boolean implicit = MixedExpressions.widens(value.kind(), kind) && random.nextInt(3) != 0;
        return value.kind() == kind || implicit ? value : new Expr.Cast(kind, value);
    }

    /**
     * An accumulator of one kind over values of others; for {@code mixed-prefix-sum} its running value is also
     * stored in every iteration ({@code long s += ia[i]; lout[i] = s;}), a scan across element sizes.
     */
    private Kernel reduction(
            String name, String shape, List<Param> parameters, MixedExpressions expressions, Expr bound) {
        boolean scan = shape.equals("mixed-prefix-sum");
        Kind kind = NUMERIC.get(random.nextInt(4));
        Expr term = expressions.readingValue(random.nextInt(6) == 0 ? Kind.DOUBLE : kind, 2);
        boolean narrowing = !MixedExpressions.widens(term.kind(), kind);
        int form = random.nextInt(6);
        List<Stmt> body = new ArrayList<>();
        Expr accumulator = new Expr.Var(kind, "s");
        List<String> floatingSums = new ArrayList<>();
        boolean fastmath = false;
        if (form < 4 || narrowing) {
            Stmt update = new Stmt.Assign("s", form == 3 ? "-=" : "+=", term);
            body.add(form == 2 ? new Stmt.If(expressions.condition(1), List.of(update), List.of()) : update);
            if (kind.floating() && !narrowing) {
                floatingSums.add("s");
                fastmath = random.nextInt(5) != 0;
            }
        } else {
            String function = form == 4 ? "Math.max" : "Math.min";
            Expr converted = fit(term, kind);
            body.add(new Stmt.Assign("s", "=", new Expr.Call(kind, function, List.of(accumulator, converted))));
        }
        String output = arrayName(kind, "out");
        if (scan) {
            parameters.add(new Param(kind, 1, output, Role.ARRAY));
            body.add(new Stmt.Store(output, new Expr.Index("i", 0), accumulator));
        }
        boolean returns = !scan || random.nextBoolean();
        List<Stmt> statements = new ArrayList<>();
        statements.add(new Stmt.Declare(kind, "s", new Expr.Const(kind, random.nextInt(4) == 0 ? 1 : 0)));
        statements.add(new Stmt.Loop("i", new Expr.Const(Kind.INT, 0), "<", bound, 1, false, body));
        if (returns) {
            statements.add(new Stmt.Return(accumulator));
        }
        return new Kernel(
                name,
                fastmath,
                returns ? kind : null,
                parameters,
                statements,
                floatingSums,
                new Shape(Family.CONVERSION, shape),
                scan && fastmath ? List.of(output) : List.of());
    }
}
