package dev.stride.compiler.codegen;

import dev.stride.compiler.analysis.Invariance;
import dev.stride.compiler.analysis.Rejection;
import dev.stride.compiler.analysis.VectorLoopPlan;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.report.RejectionReason;
import java.util.Map;

/**
 * Keeps every generated SIMD method small enough for HotSpot to compile it. HotSpot does not JIT-compile a method
 * whose bytecode exceeds {@code -XX:HugeMethodLimit} (8000 bytes, with {@code DontCompileHugeMethods} on by
 * default): such a holder method would run in the interpreter, where every Vector API call allocates, many times
 * slower than the scalar loop it replaced.
 *
 * <p>The decision is made while the loop's verdict is still open (so {@code --inspect}, which emits nothing, reports
 * the same verdict as the build): the loop's two holder methods are emitted into a scratch holder class and
 * measured. Above {@link #LIMIT} the loop is emitted again in the {@link LoopShape#SINGLE} shape, one copy of the
 * body instead of four, where that shape exists (reductions and loop nests); when it is still too large, or for a
 * map, which has one body copy already, the loop is rejected with {@link RejectionReason#METHOD_TOO_LARGE} and
 * stays scalar.
 *
 * <p>The limit is 1000 bytes below HotSpot's: the measured method sits in a holder of its own, and in the real
 * holder, shared with the class's other loops, each {@code ldc} of a constant whose pool index passes 255 becomes
 * a 3-byte {@code ldc_w}; the margin covers that many times over.
 */
public final class SimdMethodBudget {
    /** HotSpot's {@code HugeMethodLimit}: methods with more bytecode than this are never JIT-compiled. */
    public static final int HOTSPOT_HUGE_METHOD_LIMIT = 8000;

    /** The most bytecode Stride puts into one generated method. */
    public static final int LIMIT = 7000;

    /**
     * The shape a loop is emitted in, with the size that decided it.
     *
     * @param shape the shape
     * @param bytes the largest holder method of the loop in that shape
     * @param interleavedBytes the largest in the interleaved shape (equal to {@code bytes} when that was chosen)
     */
    public record Choice(LoopShape shape, int bytes, int interleavedBytes) {}

    private SimdMethodBudget() {}

    /**
     * Chooses the shape of a vectorisable loop, or rejects it.
     *
     * @param function the lifted method
     * @param plan the loop's plan
     * @param invariance the loop's invariance
     * @param line the loop's line, for the rejection
     * @return the shape and its size
     * @throws Rejection with {@link RejectionReason#METHOD_TOO_LARGE} when no shape fits
     */
    public static Choice choose(Function function, VectorLoopPlan plan, Invariance invariance, int line) {
        int interleaved = largestMethod(function, plan, invariance, LoopShape.INTERLEAVED);
        if (interleaved <= LIMIT) {
            return new Choice(LoopShape.INTERLEAVED, interleaved, interleaved);
        }
        if (!hasSingleShape(plan)) {
            throw tooLarge(line, interleaved, "");
        }
        int single = largestMethod(function, plan, invariance, LoopShape.SINGLE);
        if (single <= LIMIT) {
            return new Choice(LoopShape.SINGLE, single, interleaved);
        }
        throw tooLarge(line, single, " even with one copy of the loop body (" + interleaved + " bytes with four)");
    }

    /** Whether the single shape differs from the interleaved one: it does for reductions and loop nests. */
    static boolean hasSingleShape(VectorLoopPlan plan) {
        return plan.isOuter() || !plan.reductions().isEmpty();
    }

    private static Rejection tooLarge(int line, int bytes, String how) {
        return new Rejection(
                RejectionReason.METHOD_TOO_LARGE,
                line,
                "the SIMD method would have " + bytes + " bytes of bytecode" + how + ", above Stride's limit of "
                        + LIMIT + " (HotSpot does not JIT-compile methods above " + HOTSPOT_HUGE_METHOD_LIMIT
                        + " bytes); split the loop body, e.g. into two loops or a helper method");
    }

    /**
     * Emits the loop's methods into a scratch holder and measures them.
     *
     * @return the size of the larger of {@code $end} and the loop method
     */
    static int largestMethod(Function function, VectorLoopPlan plan, Invariance invariance, LoopShape shape) {
        HolderClassEmitter scratch = new HolderClassEmitter(function.owner(), org.objectweb.asm.Opcodes.V17);
        scratch.useSpecies(plan.laneKind(), plan.bits());
        new SimdLoopEmitter(scratch.writer(), scratch.name(), function, plan, invariance, shape).emit("measured");
        int largest = 0;
        for (Map.Entry<String, Integer> method : CodeSizes.of(scratch.finish()).entrySet()) {
            if (!method.getKey().startsWith("<clinit>")) {
                largest = Math.max(largest, method.getValue());
            }
        }
        return largest;
    }
}
