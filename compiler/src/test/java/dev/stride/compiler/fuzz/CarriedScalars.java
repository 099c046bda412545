package dev.stride.compiler.fuzz;

import dev.stride.compiler.fuzz.Kernel.Param;
import dev.stride.compiler.fuzz.Kernel.Role;
import dev.stride.compiler.fuzz.Kernel.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Kernels of the carried-scalar family: values carried out of a loop in ways other than {@code Math.min/max} or
 * a sum. Shapes: {@code ternary-minmax} ({@code m = a[i] > m ? a[i] : m}, {@code if (a[i] < m) m = a[i];} and
 * their mirrored and inverted forms: with NaN or a tie of {@code -0.0} and {@code 0.0} they keep the first or
 * the last candidate, unlike {@code Math.max}), {@code arg-max} (the index of the first or last extreme),
 * {@code last-value} (a scalar assigned in the loop and returned after it, sometimes under a condition), and
 * {@code invariant-store} ({@code total[0] += a[i]}, {@code total[c] = Math.max(total[c], a[i])}, a counter, or
 * the last element written, all into one array element; floating sums there under fastmath in most kernels).
 */
final class CarriedScalars {
    private final Random random;
    private final ExpressionGenerator expressions;

    CarriedScalars(Random random, ExpressionGenerator expressions) {
        this.random = random;
        this.expressions = expressions;
    }

    /**
     * An update of a running extreme in one of the forms Java programmers write, chosen at random.
     *
     * @param random the source of choices
     * @param accumulator the carried variable
     * @param kind its kind
     * @param term the candidate (evaluated twice in the ternary forms, so it must not have effects)
     * @param maximum whether the extreme is a maximum
     * @return the update statement
     */
    static Stmt extremeUpdate(Random random, String accumulator, Kind kind, Expr term, boolean maximum) {
        Expr m = new Expr.Var(kind, accumulator);
        boolean inclusive = random.nextInt(3) == 0;
        String better = maximum ? inclusive ? ">=" : ">" : inclusive ? "<=" : "<";
        String worse = maximum ? inclusive ? "<=" : "<" : inclusive ? ">=" : ">";
        String function = maximum ? "Math.max" : "Math.min";
        return switch (random.nextInt(7)) {
            case 0 -> new Stmt.Assign(accumulator, "=", new Expr.Call(kind, function, List.of(m, term)));
            case 1 -> new Stmt.Assign(accumulator, "=", new Expr.Call(kind, function, List.of(term, m)));
            case 2, 3 ->
                new Stmt.Assign(
                        accumulator,
                        "=",
                        new Expr.Ternary(kind, new Expr.Binary(Kind.BOOLEAN, better, term, m), term, m));
            case 4 ->
                new Stmt.Assign(
                        accumulator,
                        "=",
                        new Expr.Ternary(kind, new Expr.Binary(Kind.BOOLEAN, worse, m, term), term, m));
            case 5 ->
                new Stmt.Assign(
                        accumulator,
                        "=",
                        new Expr.Ternary(kind, new Expr.Binary(Kind.BOOLEAN, worse, term, m), m, term));
            default ->
                new Stmt.If(
                        new Expr.Binary(Kind.BOOLEAN, better, term, m),
                        List.of(new Stmt.Assign(accumulator, "=", term)),
                        List.of());
        };
    }

    Kernel generate(String name, Kind kind) {
        int choice = random.nextInt(10);
        if (choice < 4) {
            return ternaryExtremes(name, KernelFrame.oneDimensional(kind, random, true));
        }
        if (choice < 5) {
            return argExtreme(name, KernelFrame.oneDimensional(kind, random, true));
        }
        if (choice < 7) {
            return lastValue(name, KernelFrame.oneDimensional(kind, random, random.nextInt(3) == 0));
        }
        return invariantStore(name, KernelFrame.oneDimensional(kind, random, true));
    }

    private Expr term(Scope scope) {
        return random.nextInt(3) == 0 ? expressions.readingValue(scope, 1) : expressions.read(scope);
    }

    private Kernel ternaryExtremes(String name, KernelFrame frame) {
        Kind kind = frame.kind;
        Scope scope = frame.scope();
        List<Stmt> prologue = new ArrayList<>();
        List<Stmt> body = new ArrayList<>();
        Expr result = null;
        int count = random.nextInt(10) < 7 ? 1 : 2;
        for (int k = 0; k < count; k++) {
            String accumulator = "m" + k;
            boolean maximum = random.nextBoolean();
            prologue.add(new Stmt.Declare(kind, accumulator, initial(frame, maximum)));
            Stmt update = extremeUpdate(random, accumulator, kind, term(scope), maximum);
            body.add(
                    random.nextInt(5) == 0
                            ? new Stmt.If(expressions.condition(scope, 1), List.of(update), List.of())
                            : update);
            Expr variable = new Expr.Var(kind, accumulator);
            result = result == null ? variable : new Expr.Binary(kind, "+", result, variable);
        }
        return kernel(name, frame, prologue, body, kind, result, "ternary-minmax");
    }

    private Expr initial(KernelFrame frame, boolean maximum) {
        Kind kind = frame.kind;
        int choice = random.nextInt(8);
        if (choice == 0 && !frame.scalars.isEmpty()) {
            return frame.scalars.getFirst();
        }
        if (choice == 1) {
            return new Expr.Read(kind, "a", new Expr.Const(Kind.INT, 0));
        }
        if (choice == 2) {
            return new Expr.Const(kind, kind.floating() && random.nextBoolean() ? Double.NaN : 0);
        }
        if (choice == 3 && kind.floating()) {
            return new Expr.Const(kind, -0.0);
        }
        double extreme = kind.floating() ? Double.POSITIVE_INFINITY : Long.MAX_VALUE;
        return new Expr.Const(kind, maximum ? -extreme : extreme);
    }

    /** {@code if (a[i] > best) { best = a[i]; at = i; }}, returning {@code at}. */
    private Kernel argExtreme(String name, KernelFrame frame) {
        Kind kind = frame.kind;
        Scope scope = frame.scope();
        boolean maximum = random.nextBoolean();
        boolean inclusive = random.nextInt(3) == 0;
        String better = maximum ? inclusive ? ">=" : ">" : inclusive ? "<=" : "<";
        Expr term = expressions.read(scope);
        Expr best = new Expr.Var(kind, "best");
        Stmt update = new Stmt.If(
                new Expr.Binary(Kind.BOOLEAN, better, term, best),
                List.of(new Stmt.Assign("best", "=", term), new Stmt.Assign("at", "=", new Expr.Var(Kind.INT, "i"))),
                List.of());
        List<Stmt> prologue = List.of(
                new Stmt.Declare(kind, "best", initial(frame, maximum)),
                new Stmt.Declare(Kind.INT, "at", new Expr.Const(Kind.INT, -1)));
        return kernel(name, frame, prologue, List.of(update), Kind.INT, new Expr.Var(Kind.INT, "at"), "arg-max");
    }

    /** A scalar assigned in the loop (maybe under a condition, maybe beside stores) and returned after it. */
    private Kernel lastValue(String name, KernelFrame frame) {
        Kind kind = frame.kind;
        Scope scope = frame.scope();
        List<Stmt> body = new ArrayList<>();
        for (String output : frame.outputs) {
            body.add(new Stmt.Store(output, new Expr.Index("i", 0), expressions.readingValue(scope, 2)));
        }
        Expr value = random.nextInt(4) == 0 && !frame.outputs.isEmpty()
                ? new Expr.Read(kind, frame.outputs.getFirst(), new Expr.Index("i", 0))
                : term(scope);
        Stmt assign = new Stmt.Assign("last", "=", value);
        Stmt update = random.nextInt(3) == 0
                ? new Stmt.If(expressions.condition(scope, 1), List.of(assign), List.of())
                : assign;
        body.add(random.nextBoolean() ? 0 : body.size(), update);
        Expr initial = !frame.scalars.isEmpty() && random.nextBoolean()
                ? frame.scalars.getFirst()
                : expressions.constant(kind);
        List<Stmt> prologue = List.of(new Stmt.Declare(kind, "last", initial));
        return kernel(name, frame, prologue, body, kind, new Expr.Var(kind, "last"), "last-value");
    }

    /** {@code total[c] op= term}: an accumulator in memory, one element written in every iteration. */
    private Kernel invariantStore(String name, KernelFrame frame) {
        Kind kind = frame.kind;
        Scope scope = frame.scope();
        frame.parameters.add(new Param(kind, 1, "total", Role.ARRAY));
        int element = random.nextInt(4) == 0 ? 1 : 0;
        String cell = "total[" + element + "]";
        Expr index = new Expr.Const(Kind.INT, element);
        Expr current = new Expr.Read(kind, "total", index);
        Expr term = term(scope);
        int form = random.nextInt(8);
        Stmt update = switch (form) {
            case 0, 1, 2, 3 -> new Stmt.Assign(cell, form == 3 ? "-=" : "+=", term);
            case 4 ->
                new Stmt.Store(
                        "total",
                        index,
                        new Expr.Call(kind, random.nextBoolean() ? "Math.max" : "Math.min", List.of(current, term)));
            case 5 -> new Stmt.Assign(cell, "++", null);
            default -> new Stmt.Store("total", index, term);
        };
        List<Stmt> body = new ArrayList<>();
        body.add(
                random.nextInt(4) == 0 || form == 5
                        ? new Stmt.If(expressions.condition(scope, 1), List.of(update), List.of())
                        : update);
        boolean floatingSum = kind.floating() && form < 3;
        boolean fastmath = floatingSum && random.nextInt(4) != 0;
        List<Stmt> statements = new ArrayList<>(frame.prologue);
        if (fastmath || random.nextInt(3) == 0) {
            statements.add(new Stmt.Store("total", index, new Expr.Const(kind, 0)));
        }
        statements.add(new Stmt.Loop("i", frame.start, frame.compare, frame.bound, 1, frame.whileForm, body));
        return new Kernel(
                name,
                fastmath,
                null,
                frame.parameters,
                statements,
                floatingSum ? List.of(cell) : List.of(),
                new Shape(Family.CARRIED, "invariant-store"),
                fastmath ? List.of("total") : List.of());
    }

    private Kernel kernel(
            String name,
            KernelFrame frame,
            List<Stmt> prologue,
            List<Stmt> body,
            Kind returnKind,
            Expr result,
            String shape) {
        List<Stmt> statements = new ArrayList<>(frame.prologue);
        statements.addAll(prologue);
        statements.add(new Stmt.Loop("i", frame.start, frame.compare, frame.bound, 1, frame.whileForm, body));
        statements.add(new Stmt.Return(result));
        boolean fastmath = frame.kind.floating() && random.nextInt(8) == 0;
        return new Kernel(
                name,
                fastmath,
                returnKind,
                frame.parameters,
                statements,
                List.of(),
                new Shape(Family.CARRIED, shape),
                List.of());
    }
}
