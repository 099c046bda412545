package dev.stride.compiler.codegen;

import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Function;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Finds, for a join block of an if-converted loop body, the earlier block it is control-equivalent to: one that
 * dominates it and that it post-dominates, so exactly the same lanes reach both. The join then reuses that block's
 * predicate instead of OR-ing its incoming edge masks: after {@code out[i] = c ? x : y} the store is unmasked
 * (the OR of complementary masks is all lanes, but C2 cannot see that and keeps a masked store).
 *
 * <p>The body of a vectorised loop is acyclic (its back edge goes to the header, outside the body), so both
 * relations are plain reachability questions with one block removed; bodies are a handful of blocks.
 */
final class ControlEquivalence {
    private final Function function;
    private final List<Integer> bodyOrder;
    private final Set<Integer> body;

    /**
     * The relation over one loop body.
     *
     * @param function the lifted method
     * @param bodyOrder the body's blocks in topological order, the body entry first
     */
    ControlEquivalence(Function function, List<Integer> bodyOrder) {
        this.function = function;
        this.bodyOrder = bodyOrder;
        this.body = new HashSet<>(bodyOrder);
    }

    /**
     * The nearest earlier block that the given block is control-equivalent to.
     *
     * @param id a body block
     * @return that block's id, or empty when none is (the block runs for a subset of the lanes)
     */
    OptionalInt equivalentDominator(int id) {
        int position = bodyOrder.indexOf(id);
        for (int k = position - 1; k >= 0; k--) {
            int candidate = bodyOrder.get(k);
            if (dominates(candidate, id) && postDominates(id, candidate)) {
                return OptionalInt.of(candidate);
            }
        }
        return OptionalInt.empty();
    }

    /** Whether every path from the body entry to {@code target} passes {@code dominator}. */
    private boolean dominates(int dominator, int target) {
        return dominator == bodyOrder.getFirst() || !reaches(bodyOrder.getFirst(), target, dominator);
    }

    /** Whether every path from {@code from} out of the body passes {@code postDominator}. */
    private boolean postDominates(int postDominator, int from) {
        return !reachesExit(from, postDominator);
    }

    private boolean reaches(int from, int target, int removed) {
        Deque<Integer> work = new ArrayDeque<>(List.of(from));
        Set<Integer> seen = new HashSet<>();
        while (!work.isEmpty()) {
            int id = work.pop();
            if (id == target) {
                return true;
            }
            if (id == removed || !body.contains(id) || !seen.add(id)) {
                continue;
            }
            successors(id).forEach(work::push);
        }
        return false;
    }

    private boolean reachesExit(int from, int removed) {
        Deque<Integer> work = new ArrayDeque<>(List.of(from));
        Set<Integer> seen = new HashSet<>();
        while (!work.isEmpty()) {
            int id = work.pop();
            if (id == removed || !seen.add(id)) {
                continue;
            }
            if (!body.contains(id)) {
                return true;
            }
            successors(id).forEach(work::push);
        }
        return false;
    }

    private List<Integer> successors(int id) {
        Block block = function.blocks().get(id);
        return block.successors();
    }
}
