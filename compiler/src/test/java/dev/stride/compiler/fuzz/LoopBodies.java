package dev.stride.compiler.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a {@link KernelFrame} with a loop body: a map (stores under conditions, ternaries, clamps) or a
 * reduction (one to three accumulators of {@code + - * & | ^ min max}, some updated under conditions), and
 * decides fastmath. Under fastmath, transcendental calls appear only outermost in a stored value or a sum term
 * so that the oracle's 1-ulp and relative bounds stay valid.
 */
final class LoopBodies {
    private enum Operator {
        SUM,
        PRODUCT,
        MIN,
        MAX,
        AND,
        OR,
        XOR
    }

    private final Random random;
    private final ExpressionGenerator expressions;
    private int locals;

    LoopBodies(Random random, ExpressionGenerator expressions) {
        this.random = random;
        this.expressions = expressions;
    }

    /** @return a map kernel over the frame */
    Kernel mapKernel(String name, KernelFrame frame) {
        boolean fastmath = frame.kind.floating() && random.nextInt(4) == 0;
        Scope scope = frame.scope();
        List<Stmt> body = locals(scope);
        for (String output : frame.outputs) {
            body.addAll(mapStores(scope, output, fastmath || random.nextInt(25) == 0));
        }
        return finish(name, frame, fastmath, null, body, null, List.of());
    }

    private List<Stmt> locals(Scope scope) {
        List<Stmt> body = new ArrayList<>();
        int count = random.nextInt(3);
        for (int k = 0; k < count; k++) {
            String local = "x" + locals++;
            body.add(new Stmt.Declare(scope.kind, local, expressions.value(scope, 2)));
            scope.values.add(new Expr.Var(scope.kind, local));
        }
        return body;
    }

    private List<Stmt> mapStores(Scope scope, String output, boolean transcendental) {
        Expr index = expressions.index(scope);
        Expr value = transcendental && scope.kind.floating() && random.nextInt(3) == 0
                ? expressions.transcendental(scope)
                : expressions.readingValue(scope, 3);
        int form = random.nextInt(10);
        if (form < 4) {
            List<Stmt> otherwise = random.nextInt(5) < 3
                    ? List.of(new Stmt.Store(output, index, expressions.value(scope, 2)))
                    : List.of();
            return List.of(new Stmt.If(
                    expressions.condition(scope, 2), List.of(new Stmt.Store(output, index, value)), otherwise));
        }
        if (form < 7) {
            Expr ternary =
                    new Expr.Ternary(scope.kind, expressions.condition(scope, 2), value, expressions.value(scope, 2));
            return List.of(new Stmt.Store(output, index, ternary));
        }
        if (form < 9) {
            return clamp(scope, output, index);
        }
        return List.of(new Stmt.Store(output, index, value));
    }

    private List<Stmt> clamp(Scope scope, String output, Expr index) {
        String local = "x" + locals++;
        Expr variable = new Expr.Var(scope.kind, local);
        Expr low = expressions.leaf(scope);
        Expr high = expressions.leaf(scope);
        Stmt inner = new Stmt.If(
                new Expr.Binary(Kind.BOOLEAN, ">", variable, high),
                List.of(new Stmt.Assign(local, "=", high)),
                List.of());
        return List.of(
                new Stmt.Declare(scope.kind, local, expressions.read(scope)),
                new Stmt.If(
                        new Expr.Binary(Kind.BOOLEAN, "<", variable, low),
                        List.of(new Stmt.Assign(local, "=", low)),
                        random.nextBoolean() ? List.of(inner) : List.of()),
                new Stmt.Store(output, index, variable));
    }

    /** @return a reduction kernel over the frame, returning the sum of its accumulators */
    Kernel reductionKernel(String name, KernelFrame frame) {
        Kind kind = frame.kind;
        int count = 1 + (random.nextInt(20) < 10 ? 0 : random.nextInt(20) < 14 ? 1 : 2);
        List<Operator> operators = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            operators.add(operator(kind));
        }
        boolean sums = kind.floating() && operators.contains(Operator.SUM);
        boolean products = kind.floating() && operators.contains(Operator.PRODUCT);
        boolean fastmath = !products && (sums ? random.nextInt(10) < 8 : random.nextInt(7) == 0);
        Scope scope = frame.scope();
        List<Stmt> prologue = new ArrayList<>();
        List<Stmt> body = locals(scope);
        List<String> floatingSums = new ArrayList<>();
        Expr result = null;
        for (int k = 0; k < count; k++) {
            String accumulator = "acc" + k;
            Operator operator = operators.get(k);
            prologue.add(new Stmt.Declare(kind, accumulator, initial(kind, operator)));
            body.addAll(update(scope, accumulator, operator, fastmath));
            if (operator == Operator.SUM && kind.floating()) {
                floatingSums.add(accumulator);
            }
            Expr variable = new Expr.Var(kind, accumulator);
            result = result == null ? variable : new Expr.Binary(kind, "+", result, variable);
        }
        for (String output : frame.outputs) {
            body.addAll(mapStores(scope, output, false));
        }
        return finish(name, frame, fastmath, prologue, body, result, floatingSums);
    }

    private Operator operator(Kind kind) {
        int choice = random.nextInt(kind.integral() ? 14 : 10);
        if (choice < 5) {
            return Operator.SUM;
        }
        if (choice < 7) {
            return Operator.MIN;
        }
        if (choice < 9) {
            return Operator.MAX;
        }
        if (choice == 9) {
            return kind.floating() && random.nextInt(3) != 0 ? Operator.SUM : Operator.PRODUCT;
        }
        return choice == 10 ? Operator.AND : choice == 11 ? Operator.OR : choice == 12 ? Operator.XOR : Operator.SUM;
    }

    private Expr initial(Kind kind, Operator operator) {
        return switch (operator) {
            case SUM, OR, XOR -> new Expr.Const(kind, random.nextInt(4) == 0 ? 1 : 0);
            case PRODUCT -> new Expr.Const(kind, 1);
            case AND -> new Expr.Const(kind, -1);
            case MIN -> new Expr.Const(kind, extreme(kind, 1));
            case MAX -> new Expr.Const(kind, extreme(kind, -1));
        };
    }

    private double extreme(Kind kind, int sign) {
        if (random.nextInt(4) == 0) {
            return 0;
        }
        if (kind.floating()) {
            return sign * Double.POSITIVE_INFINITY;
        }
        return sign > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    private List<Stmt> update(Scope scope, String accumulator, Operator operator, boolean fastmath) {
        Kind kind = scope.kind;
        Expr variable = new Expr.Var(kind, accumulator);
        Expr term = fastmath && operator == Operator.SUM && kind.floating() && random.nextInt(4) == 0
                ? expressions.transcendental(scope)
                : expressions.readingValue(scope, 2);
        int form = random.nextInt(10);
        return switch (operator) {
            case SUM -> sumUpdate(scope, accumulator, term, form);
            case PRODUCT -> List.of(new Stmt.Assign(accumulator, "*=", term));
            case AND, OR, XOR ->
                List.of(guarded(
                        scope,
                        form,
                        new Stmt.Assign(
                                accumulator,
                                operator == Operator.AND ? "&=" : operator == Operator.OR ? "|=" : "^=",
                                term)));
            case MIN, MAX -> {
                String function = operator == Operator.MIN ? "Math.min" : "Math.max";
                String better = operator == Operator.MIN ? "<" : ">";
                Expr compare = new Expr.Binary(Kind.BOOLEAN, better, term, variable);
                yield form < 8
                        ? List.of(new Stmt.Assign(
                                accumulator, "=", new Expr.Call(kind, function, List.of(variable, term))))
                        : form < 9
                                ? List.of(new Stmt.If(
                                        compare, List.of(new Stmt.Assign(accumulator, "=", term)), List.of()))
                                : List.of(new Stmt.Assign(
                                        accumulator, "=", new Expr.Ternary(kind, compare, term, variable)));
            }
        };
    }

    private List<Stmt> sumUpdate(Scope scope, String accumulator, Expr term, int form) {
        if (form < 4) {
            return List.of(new Stmt.Assign(accumulator, random.nextInt(4) == 0 ? "-=" : "+=", term));
        }
        if (form < 7) {
            return List.of(guarded(scope, 0, new Stmt.Assign(accumulator, "+=", term)));
        }
        if (form < 9) {
            Expr zero = new Expr.Const(scope.kind, 0);
            Expr conditional = new Expr.Ternary(scope.kind, expressions.condition(scope, 1), term, zero);
            return List.of(new Stmt.Assign(accumulator, "+=", conditional));
        }
        return List.of(new Stmt.If(
                expressions.condition(scope, 1),
                List.of(new Stmt.Assign(accumulator, "+=", term)),
                List.of(new Stmt.Assign(accumulator, "-=", expressions.value(scope, 1)))));
    }

    private Stmt guarded(Scope scope, int form, Stmt update) {
        return form < 5 ? new Stmt.If(expressions.condition(scope, 1), List.of(update), List.of()) : update;
    }

    private Kernel finish(
            String name,
            KernelFrame frame,
            boolean fastmath,
            List<Stmt> prologue,
            List<Stmt> body,
            Expr result,
            List<String> floatingSums) {
        List<Stmt> statements = new ArrayList<>(frame.prologue);
        if (prologue != null) {
            statements.addAll(prologue);
        }
        statements.add(new Stmt.Loop("i", frame.start, frame.compare, frame.bound, 1, frame.whileForm, body));
        if (result != null) {
            statements.add(new Stmt.Return(result));
        }
        return new Kernel(
                name, fastmath, result == null ? null : frame.kind, frame.parameters, statements, floatingSums);
    }

    /**
     * The kernel with a {@code break} or an early {@code return} under a condition somewhere in its loop body.
     *
     * @param kernel a single-loop kernel
     * @param frame its frame
     * @return the kernel with an extra exit
     */
    Kernel withEarlyExit(Kernel kernel, KernelFrame frame) {
        List<Stmt> statements = new ArrayList<>(kernel.body());
        int position = 0;
        while (!(statements.get(position) instanceof Stmt.Loop)) {
            position++;
        }
        Stmt.Loop loop = (Stmt.Loop) statements.get(position);
        Stmt last = statements.getLast();
        Stmt exit = random.nextBoolean() || !(last instanceof Stmt.Return r)
                ? new Stmt.Break()
                : new Stmt.Return(r.value());
        Stmt guarded = new Stmt.If(expressions.condition(frame.scope(), 1), List.of(exit), List.of());
        List<Stmt> body = new ArrayList<>(loop.body());
        body.add(random.nextInt(body.size() + 1), guarded);
        statements.set(
                position,
                new Stmt.Loop(
                        loop.variable(),
                        loop.start(),
                        loop.compare(),
                        loop.bound(),
                        loop.step(),
                        loop.whileForm(),
                        body));
        return kernel.withBody(statements);
    }
}
