package dev.stride.compiler.fuzz;

import dev.stride.compiler.fuzz.Kernel.Param;
import dev.stride.compiler.fuzz.Kernel.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Kernels built around one construct Stride must leave scalar (or handle specially): byte arrays, mixed
 * element sizes, integer division, a stride of 2, counting down, a loop-carried array dependence, a gather, the
 * induction variable used as a value. The rest of each kernel is random, so the fallback decision is tested in
 * varied company.
 */
final class RejectedShapes {
    private RejectedShapes() {}

    static Kernel generate(String name, Random random, LoopBodies bodies) {
        int choice = random.nextInt(8);
        Kind kind = choice == 1 ? Kind.DOUBLE : random.nextBoolean() ? Kind.INT : Kind.DOUBLE;
        if (choice == 2) {
            kind = random.nextBoolean() ? Kind.INT : Kind.LONG;
        }
        KernelFrame frame = KernelFrame.oneDimensional(choice == 0 ? Kind.BYTE : kind, random, false);
        switch (choice) {
            case 0 -> {
                return bytes(name, frame, random);
            }
            case 1 -> mixed(frame, random);
            case 2 -> frame.scalars.add(new Expr.Const(kind, 3));
            case 6 -> gather(frame);
            case 7 -> frame.scalars.add(new Expr.Cast(kind, new Expr.Var(Kind.INT, "i")));
            default -> {}
        }
        Kernel kernel = random.nextBoolean() ? bodies.mapKernel(name, frame) : reductionOver(name, frame, bodies);
        if (choice == 2) {
            kernel = withDivision(kernel, kind);
        }
        return switch (choice) {
            case 3 -> reshapeLoop(kernel, 2, frame);
            case 4 -> countDown(kernel);
            case 5 -> withDependence(kernel, kind);
            default -> kernel;
        };
    }

    private static Kernel reductionOver(String name, KernelFrame frame, LoopBodies bodies) {
        KernelFrame reduction = new KernelFrame(frame.kind, frame.parameters, frame.arrays, frame.lengthArray, true);
        reduction.outputs.clear();
        reduction.outputs.addAll(frame.outputs);
        reduction.scalars.addAll(frame.scalars);
        reduction.minimumOffset = frame.minimumOffset;
        reduction.maximumOffset = frame.maximumOffset;
        reduction.start = frame.start;
        reduction.bound = frame.bound;
        reduction.compare = frame.compare;
        return bodies.reductionKernel(name, reduction);
    }

    private static Kernel bytes(String name, KernelFrame frame, Random random) {
        Expr read = new Expr.Read(Kind.BYTE, "a", new Expr.Index("i", frame.maximumOffset));
        Expr incremented = new Expr.Cast(
                Kind.BYTE,
                new Expr.Binary(Kind.INT, random.nextBoolean() ? "+" : "*", read, new Expr.Const(Kind.INT, 3)));
        Stmt store = new Stmt.Store(frame.outputs.getFirst(), new Expr.Index("i", 0), incremented);
        Stmt body = random.nextBoolean()
                ? new Stmt.If(
                        new Expr.Binary(Kind.BOOLEAN, ">", read, new Expr.Const(Kind.INT, 0)),
                        List.of(store),
                        List.of())
                : store;
        Stmt loop = new Stmt.Loop("i", frame.start, frame.compare, frame.bound, 1, false, List.of(body));
        return new Kernel(name, false, null, frame.parameters, List.of(loop), List.of());
    }

    private static void mixed(KernelFrame frame, Random random) {
        Kind other = random.nextBoolean() ? Kind.INT : Kind.FLOAT;
        frame.parameters.add(new Param(other, 1, "w", Role.ARRAY));
        frame.scalars.add(new Expr.Cast(Kind.DOUBLE, new Expr.Read(other, "w", new Expr.Index("i", 0))));
    }

    private static void gather(KernelFrame frame) {
        frame.parameters.add(new Param(Kind.INT, 1, "index", Role.ARRAY));
        Expr position = new Expr.Read(Kind.INT, "index", new Expr.Index("i", 0));
        frame.scalars.add(new Expr.Read(frame.kind, "a", position));
    }

    private static Kernel withDivision(Kernel kernel, Kind kind) {
        Stmt.Loop loop = loopOf(kernel);
        List<Stmt> body = new ArrayList<>(loop.body());
        Expr divisor = new Expr.Read(kind, "a", new Expr.Index("i", 0));
        Expr quotient = new Expr.Binary(kind, "/", new Expr.Const(kind, 1000), divisor);
        body.addFirst(new Stmt.Declare(kind, "q", quotient));
        return replaceLoop(kernel, withBody(loop, body));
    }

    private static Kernel reshapeLoop(Kernel kernel, int step, KernelFrame frame) {
        Stmt.Loop loop = loopOf(kernel);
        return replaceLoop(
                kernel,
                new Stmt.Loop(
                        loop.variable(),
                        loop.start(),
                        loop.compare(),
                        loop.bound(),
                        step,
                        frame.whileForm,
                        loop.body()));
    }

    private static Kernel countDown(Kernel kernel) {
        Stmt.Loop loop = loopOf(kernel);
        Expr start = new Expr.Binary(Kind.INT, "-", loop.bound(), new Expr.Const(Kind.INT, 1));
        return replaceLoop(kernel, new Stmt.Loop(loop.variable(), start, ">=", loop.start(), -1, false, loop.body()));
    }

    private static Kernel withDependence(Kernel kernel, Kind kind) {
        Stmt.Loop loop = loopOf(kernel);
        List<Stmt> body = new ArrayList<>(loop.body());
        Expr previous = new Expr.Read(kind, "a", new Expr.Index("i", -1));
        Expr current = new Expr.Read(kind, "a", new Expr.Index("i", 0));
        body.add(new Stmt.Store("a", new Expr.Index("i", 0), new Expr.Binary(kind, "+", current, previous)));
        Stmt.Loop shifted = new Stmt.Loop(
                loop.variable(), new Expr.Const(Kind.INT, 1), loop.compare(), loop.bound(), 1, loop.whileForm(), body);
        return replaceLoop(kernel, shifted);
    }

    private static Stmt.Loop loopOf(Kernel kernel) {
        return kernel.body().stream()
                .filter(Stmt.Loop.class::isInstance)
                .map(Stmt.Loop.class::cast)
                .findFirst()
                .orElseThrow();
    }

    private static Stmt.Loop withBody(Stmt.Loop loop, List<Stmt> body) {
        return new Stmt.Loop(
                loop.variable(), loop.start(), loop.compare(), loop.bound(), loop.step(), loop.whileForm(), body);
    }

    private static Kernel replaceLoop(Kernel kernel, Stmt.Loop loop) {
        List<Stmt> body = new ArrayList<>(kernel.body());
        body.replaceAll(statement -> statement instanceof Stmt.Loop ? loop : statement);
        return kernel.withBody(body);
    }
}
