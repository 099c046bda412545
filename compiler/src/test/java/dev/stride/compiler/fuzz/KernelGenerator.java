package dev.stride.compiler.fuzz;

import dev.stride.compiler.fuzz.Kernel.Param;
import dev.stride.compiler.fuzz.Kernel.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random valid {@code @Jit} kernels, deterministically from a seed. Generation is biased toward the
 * shapes Stride optimises (conditional maps, reductions of every operator, window nests, rows of a matrix) so
 * most kernels exercise SIMD code, with a share of shapes it must reject (early exits, byte arrays, mixed
 * element sizes, integer division, strides, dependences, gathers) to exercise the fallback decisions. Three in
 * ten kernels come from the newer {@link Family families} (conversions, scans, carried scalars), shapes the
 * vectoriser takes one at a time as it grows; the oracle checks them the same way whether it takes them or not.
 */
public final class KernelGenerator {
    /** The share of kernels (in percent) from the conversion, scan and carried-scalar families, a third each. */
    private static final int NEWER_FAMILIES_PERCENT = 30;

    private final Random random;
    private final ExpressionGenerator expressions;
    private final LoopBodies bodies;
    private final ConversionLoops conversions;
    private final ScanLoops scans;
    private final CarriedScalars carried;
    private final Family only;

    /**
     * A generator of every family.
     *
     * @param seed the seed: equal seeds give equal kernel sequences
     */
    public KernelGenerator(long seed) {
        this(seed, null);
    }

    /**
     * A generator.
     *
     * @param seed the seed: equal seeds give equal kernel sequences
     * @param only the one family to generate, or null for the usual mix
     */
    KernelGenerator(long seed, Family only) {
        this.only = only;
        this.random = new Random(seed);
        this.expressions = new ExpressionGenerator(random);
        this.bodies = new LoopBodies(random, expressions);
        this.conversions = new ConversionLoops(random);
        this.scans = new ScanLoops(random, expressions);
        this.carried = new CarriedScalars(random, expressions);
    }

    /**
     * The next kernel.
     *
     * @param name its method name
     * @return a kernel
     */
    Kernel next(String name) {
        int choice = random.nextInt(100);
        Family family = only != null
                ? only
                : choice >= NEWER_FAMILIES_PERCENT
                        ? Family.CLASSIC
                        : List.of(Family.CONVERSION, Family.SCAN, Family.CARRIED)
                                .get(choice % 3);
        return switch (family) {
            case CLASSIC -> classic(name);
            case CONVERSION -> conversions.generate(name);
            case SCAN -> scans.generate(name);
            case CARRIED -> carried.generate(name, elementKind());
        };
    }

    private Kernel classic(String name) {
        int shape = random.nextInt(100);
        if (shape < 30) {
            return simpleLoop(name, false);
        }
        if (shape < 64) {
            return simpleLoop(name, true);
        }
        if (shape < 77) {
            return window(name);
        }
        if (shape < 83) {
            return rows(name);
        }
        if (shape < 90) {
            return earlyExit(name);
        }
        return RejectedShapes.generate(name, random, bodies);
    }

    private Kind elementKind() {
        int choice = random.nextInt(20);
        return choice < 7 ? Kind.DOUBLE : choice < 11 ? Kind.FLOAT : choice < 16 ? Kind.INT : Kind.LONG;
    }

    private Kernel simpleLoop(String name, boolean reduction) {
        KernelFrame frame = KernelFrame.oneDimensional(elementKind(), random, reduction);
        return reduction ? bodies.reductionKernel(name, frame) : bodies.mapKernel(name, frame);
    }

    private Kernel earlyExit(String name) {
        KernelFrame frame = KernelFrame.oneDimensional(elementKind(), random, random.nextBoolean());
        Kernel kernel = frame.reduction ? bodies.reductionKernel(name, frame) : bodies.mapKernel(name, frame);
        return bodies.withEarlyExit(kernel, frame);
    }

    private Kernel rows(String name) {
        Kind kind = random.nextInt(3) == 0 ? elementKind() : Kind.DOUBLE;
        List<Param> parameters = new ArrayList<>();
        parameters.add(new Param(kind, 2, "m", Role.ARRAY));
        parameters.add(new Param(Kind.INT, 0, "r", Role.ROW));
        parameters.add(new Param(kind, 0, "s", Role.SCALAR));
        boolean local = random.nextBoolean();
        String row = local ? "row" : "m[r]";
        KernelFrame frame = new KernelFrame(kind, parameters, List.of(row), row, random.nextBoolean());
        frame.scalars.add(new Expr.Var(kind, "s"));
        frame.prologue.add(new Stmt.Verbatim(kind.javaName() + "[] row = m[r];"));
        frame.chooseRange(random);
        if (!local && random.nextBoolean()) {
            frame.prologue.clear();
        }
        return frame.reduction ? bodies.reductionKernel(name, frame) : bodies.mapKernel(name, frame);
    }

    private Kernel window(String name) {
        int choice = random.nextInt(10);
        Kind kind = choice < 6 ? Kind.DOUBLE : choice < 8 ? Kind.FLOAT : choice < 9 ? Kind.INT : Kind.LONG;
        return new WindowNests(random, expressions).generate(name, kind);
    }
}
