package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Variable;
import java.util.List;
import java.util.Map;

/**
 * Everything code generation needs to emit the SIMD version of one counted loop; produced only for loops that
 * passed every analysis.
 *
 * @param counted the counted loop
 * @param bodyOrder body blocks (header excluded) in topological order
 * @param parameters variables the SIMD code reads from the method: arrays, invariants, the induction variable
 *     and the accumulators, in slot order
 * @param descriptors the JVM descriptor of each parameter
 * @param reductions the accumulators
 * @param accesses every array access of the body
 * @param aliasChecks pairs of distinct array variables that must not be the same object at run time
 * @param laneKind the element kind of every vector in the loop
 * @param bits the vector width in bits to compile for
 * @param conditional whether the body has branches (if-converted to masks)
 * @param fastmath whether reassociation and 1-ulp math are permitted
 * @param innerLoops for an outer-loop vectorised nest: the inner loops, which every lane runs in the original
 *     order; empty for an innermost loop
 * @param affinePrivates for an outer-loop nest: int locals of the outer body of the form {@code k + rest}, with
 *     that expression (they are used only inside array indices)
 */
public record VectorLoopPlan(
        CountedLoop counted,
        List<Integer> bodyOrder,
        List<Variable> parameters,
        Map<Variable, String> descriptors,
        List<Reduction> reductions,
        List<ArrayAccess> accesses,
        List<List<ArrayAccess.ArrayBase>> aliasChecks,
        Kind laneKind,
        int bits,
        boolean conditional,
        boolean fastmath,
        List<InnerLoop> innerLoops,
        Map<Variable, dev.stride.compiler.ir.Expr> affinePrivates) {

    /**
     * An inner loop of an outer-loop vectorised nest: a counted loop with a trip count that is the same for every
     * lane, run as scalar control flow around a vectorised body.
     *
     * @param counted the inner counted loop
     * @param start the initial value of its induction variable (uniform across lanes)
     * @param body the single block of its body (also its latch)
     */
    public record InnerLoop(CountedLoop counted, dev.stride.compiler.ir.Expr start, int body) {}

    /** @return whether this plan vectorises an outer loop across its iterations */
    public boolean isOuter() {
        return !innerLoops.isEmpty();
    }

    /** @return lanes per vector */
    public int lanes() {
        return bits / laneKind.bits();
    }
}
