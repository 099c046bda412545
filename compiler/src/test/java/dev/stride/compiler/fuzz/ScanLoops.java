package dev.stride.compiler.fuzz;

import dev.stride.compiler.fuzz.Kernel.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Kernels of the scan family: loops whose stored value depends on every earlier iteration. Shapes:
 * {@code running-max} and {@code running-min} ({@code m = Math.max(m, a[i]); out[i] = m;}, also as a ternary or
 * an {@code if}, whose ties of {@code -0.0} and {@code 0.0} and NaN behave differently from {@code Math.max}),
 * {@code fill-forward} ({@code if (!Double.isNaN(x[i])) last = x[i]; out[i] = last;}, in place too),
 * {@code prefix-sum} (inclusive and exclusive; exact for {@code int long}, under fastmath in most float and
 * double kernels), {@code recurrence} ({@code a[i] = a[i - 1] + b[i]}, {@code Math.max(a[i - 1], b[i])}), and
 * {@code linear-recurrence} ({@code e = e * c + a[i]}, which no scan reassociates: it must stay scalar).
 */
final class ScanLoops {
    private final Random random;
    private final ExpressionGenerator expressions;

    ScanLoops(Random random, ExpressionGenerator expressions) {
        this.random = random;
        this.expressions = expressions;
    }

    Kernel generate(String name) {
        int choice = random.nextInt(10);
        Kind kind = kind(choice >= 3 && choice < 5);
        KernelFrame frame = KernelFrame.oneDimensional(kind, random, false);
        if (choice < 3) {
            return runningExtreme(name, frame);
        }
        if (choice < 5) {
            return fillForward(name, frame);
        }
        if (choice < 8) {
            return prefixSum(name, frame);
        }
        return choice < 9 ? recurrence(name, frame) : linearRecurrence(name, frame);
    }

    private Kind kind(boolean fillForward) {
        int choice = random.nextInt(10);
        if (fillForward && choice < 8) {
            return choice < 5 ? Kind.DOUBLE : Kind.FLOAT;
        }
        return choice < 4 ? Kind.DOUBLE : choice < 6 ? Kind.FLOAT : choice < 8 ? Kind.INT : Kind.LONG;
    }

    private Expr term(Scope scope) {
        return random.nextInt(3) == 0 ? expressions.readingValue(scope, 1) : expressions.read(scope);
    }

    private Kernel runningExtreme(String name, KernelFrame frame) {
        Kind kind = frame.kind;
        Scope scope = frame.scope();
        boolean maximum = random.nextBoolean();
        Expr m = new Expr.Var(kind, "m");
        Expr term = term(scope);
        List<Stmt> body = new ArrayList<>();
        body.add(CarriedScalars.extremeUpdate(random, "m", kind, term, maximum));
        body.add(new Stmt.Store(frame.outputs.getFirst(), new Expr.Index("i", 0), m));
        Expr initial = initialExtreme(frame, maximum);
        return kernel(name, frame, initial, body, random.nextBoolean(), maximum ? "running-max" : "running-min");
    }

    private Expr initialExtreme(KernelFrame frame, boolean maximum) {
        Kind kind = frame.kind;
        int choice = random.nextInt(6);
        if (choice == 0 && !frame.scalars.isEmpty()) {
            return frame.scalars.getFirst();
        }
        if (choice == 1) {
            return new Expr.Const(kind, kind.floating() && random.nextBoolean() ? Double.NaN : 0);
        }
        double extreme = kind.floating() ? Double.POSITIVE_INFINITY : Long.MAX_VALUE;
        return new Expr.Const(kind, maximum ? -extreme : extreme);
    }

    private Kernel fillForward(String name, KernelFrame frame) {
        Kind kind = frame.kind;
        String output = frame.outputs.getFirst();
        Expr read = new Expr.Read(kind, "a", new Expr.Index("i", 0));
        Expr last = new Expr.Var(kind, "last");
        Expr present = kind.floating()
                ? random.nextInt(3) == 0
                        ? new Expr.Binary(Kind.BOOLEAN, "==", read, read)
                        : new Expr.Unary(
                                Kind.BOOLEAN,
                                "!",
                                new Expr.Call(Kind.BOOLEAN, kind.boxName() + ".isNaN", List.of(read)))
                : new Expr.Binary(Kind.BOOLEAN, "!=", read, new Expr.Const(kind, 0));
        List<Stmt> body = new ArrayList<>();
        int form = random.nextInt(4);
        if (form == 0 && output.equals("a")) {
            body.add(new Stmt.If(
                    present,
                    List.of(new Stmt.Assign("last", "=", read)),
                    List.of(new Stmt.Store("a", new Expr.Index("i", 0), last))));
        } else if (form == 1) {
            body.add(new Stmt.Assign("last", "=", new Expr.Ternary(kind, present, read, last)));
            body.add(new Stmt.Store(output, new Expr.Index("i", 0), last));
        } else {
            body.add(new Stmt.If(present, List.of(new Stmt.Assign("last", "=", read)), List.of()));
            body.add(new Stmt.Store(output, new Expr.Index("i", 0), last));
        }
        Expr initial = !frame.scalars.isEmpty() && random.nextBoolean()
                ? frame.scalars.getFirst()
                : new Expr.Const(kind, kind.floating() && random.nextBoolean() ? Double.NaN : 0);
        return kernel(name, frame, initial, "last", body, random.nextInt(3) == 0, "fill-forward", false);
    }

    private Kernel prefixSum(String name, KernelFrame frame) {
        Kind kind = frame.kind;
        Scope scope = frame.scope();
        Expr term = term(scope);
        if (random.nextInt(4) == 0) {
            Expr zero = new Expr.Const(kind, 0);
            term = new Expr.Ternary(kind, expressions.condition(scope, 1), term, zero);
        }
        Stmt update = new Stmt.Assign("sum", "+=", term);
        Stmt store = new Stmt.Store(frame.outputs.getFirst(), new Expr.Index("i", 0), new Expr.Var(kind, "sum"));
        boolean exclusive = random.nextInt(4) == 0;
        List<Stmt> body = exclusive ? List.of(store, update) : List.of(update, store);
        Expr initial = new Expr.Const(kind, random.nextInt(4) == 0 ? 1 : 0);
        return kernel(name, frame, initial, "sum", body, random.nextBoolean(), "prefix-sum", kind.floating());
    }

    /** {@code a[i] = a[i - 1] + b[i]} and relatives, writing the array they read one element back. */
    private Kernel recurrence(String name, KernelFrame frame) {
        Kind kind = frame.kind;
        Scope scope = frame.scope();
        String target = frame.outputs.getFirst();
        Expr previous = new Expr.Read(kind, target, new Expr.Index("i", -1));
        Expr term = term(scope);
        int form = random.nextInt(kind.integral() ? 4 : 3);
        boolean sum = form < 2;
        Stmt step = switch (form) {
            case 0, 1 -> new Stmt.Store(target, new Expr.Index("i", 0), new Expr.Binary(kind, "+", previous, term));
            case 2 ->
                new Stmt.Store(
                        target,
                        new Expr.Index("i", 0),
                        new Expr.Call(kind, random.nextBoolean() ? "Math.max" : "Math.min", List.of(previous, term)));
            default -> new Stmt.Assign(target + "[i]", "+=", previous);
        };
        boolean fastmath = sum && kind.floating() && random.nextInt(3) != 0;
        int start = Math.max(1, -frame.minimumOffset);
        Stmt loop = new Stmt.Loop(
                "i", new Expr.Const(Kind.INT, start), frame.compare, frame.bound, 1, frame.whileForm, List.of(step));
        List<String> running = fastmath ? List.of(target) : List.of();
        return new Kernel(
                name,
                fastmath,
                null,
                frame.parameters,
                withPrologue(frame, List.of(loop)),
                List.of(),
                new Shape(Family.SCAN, "recurrence"),
                running);
    }

    /** {@code e = e * c + a[i]; out[i] = e;}: exponential smoothing, not a reassociable scan. */
    private Kernel linearRecurrence(String name, KernelFrame frame) {
        Kind kind = frame.kind;
        Scope scope = frame.scope();
        Expr e = new Expr.Var(kind, "e");
        Expr factor = kind.floating() ? new Expr.Const(kind, 0.5) : new Expr.Const(kind, 3);
        Expr next = new Expr.Binary(kind, "+", new Expr.Binary(kind, "*", e, factor), term(scope));
        List<Stmt> body = List.of(
                new Stmt.Assign("e", "=", next), new Stmt.Store(frame.outputs.getFirst(), new Expr.Index("i", 0), e));
        return kernel(
                name, frame, new Expr.Const(kind, 0), "e", body, random.nextBoolean(), "linear-recurrence", false);
    }

    private Kernel kernel(
            String name, KernelFrame frame, Expr initial, List<Stmt> body, boolean returns, String shape) {
        return kernel(name, frame, initial, "m", body, returns, shape, false);
    }

    /**
     * The kernel: the carried scalar's declaration, the loop, maybe {@code return carried;}. A floating prefix sum
     * is under fastmath in 4 of 5 kernels, its output a running-sum array for the oracle.
     */
    private Kernel kernel(
            String name,
            KernelFrame frame,
            Expr initial,
            String carried,
            List<Stmt> body,
            boolean returns,
            String shape,
            boolean floatingSum) {
        Kind kind = frame.kind;
        boolean fastmath = floatingSum ? random.nextInt(5) != 0 : kind.floating() && random.nextInt(8) == 0;
        List<Stmt> statements = new ArrayList<>();
        statements.add(new Stmt.Declare(kind, carried, initial));
        statements.add(new Stmt.Loop("i", frame.start, frame.compare, frame.bound, 1, frame.whileForm, body));
        if (returns) {
            statements.add(new Stmt.Return(new Expr.Var(kind, carried)));
        }
        return new Kernel(
                name,
                fastmath,
                returns ? kind : null,
                frame.parameters,
                withPrologue(frame, statements),
                floatingSum ? List.of(carried) : List.of(),
                new Shape(Family.SCAN, shape),
                floatingSum && fastmath ? List.of(frame.outputs.getFirst()) : List.of());
    }

    private static List<Stmt> withPrologue(KernelFrame frame, List<Stmt> statements) {
        List<Stmt> all = new ArrayList<>(frame.prologue);
        all.addAll(statements);
        return all;
    }
}
