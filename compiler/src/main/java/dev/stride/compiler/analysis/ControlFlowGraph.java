package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Function;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Predecessors, successors and a reverse post-order of a function's blocks, with dominators computed by the
 * iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast Dominance Algorithm", 2001).
 *
 * <p>Exception edges are not modelled: loops that overlap a try region are rejected before they matter.
 */
public final class ControlFlowGraph {
    private final Function function;
    private final List<List<Integer>> predecessors = new ArrayList<>();
    private final List<Integer> reversePostOrder = new ArrayList<>();
    private final int[] order;
    private final int[] idom;

    /**
     * Builds the graph and its dominator tree.
     *
     * @param function a lifted function
     */
    public ControlFlowGraph(Function function) {
        this.function = function;
        int size = function.blocks().size();
        for (int i = 0; i < size; i++) {
            predecessors.add(new ArrayList<>());
        }
        for (Block block : function.blocks()) {
            for (int successor : block.successors()) {
                predecessors.get(successor).add(block.id());
            }
        }
        order = new int[size];
        java.util.Arrays.fill(order, -1);
        postOrder(0, new HashSet<>(), reversePostOrder);
        java.util.Collections.reverse(reversePostOrder);
        for (int k = 0; k < reversePostOrder.size(); k++) {
            order[reversePostOrder.get(k)] = k;
        }
        idom = dominators();
    }

    private void postOrder(int start, Set<Integer> seen, List<Integer> out) {
        // iterative DFS so that very large methods cannot overflow the Java stack
        java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
        seen.add(start);
        stack.push(new int[] {start, 0});
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            List<Integer> successors = function.blocks().get(top[0]).successors();
            if (top[1] < successors.size()) {
                int next = successors.get(top[1]++);
                if (seen.add(next)) {
                    stack.push(new int[] {next, 0});
                }
            } else {
                out.add(top[0]);
                stack.pop();
            }
        }
    }

    private int[] dominators() {
        int[] dom = new int[function.blocks().size()];
        java.util.Arrays.fill(dom, -1);
        dom[0] = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int block : reversePostOrder) {
                if (block == 0) {
                    continue;
                }
                int newIdom = -1;
                for (int predecessor : predecessors.get(block)) {
                    if (dom[predecessor] != -1) {
                        newIdom = newIdom == -1 ? predecessor : intersect(dom, predecessor, newIdom);
                    }
                }
                if (newIdom != -1 && dom[block] != newIdom) {
                    dom[block] = newIdom;
                    changed = true;
                }
            }
        }
        return dom;
    }

    private int intersect(int[] dom, int a, int b) {
        while (a != b) {
            while (order[a] > order[b]) {
                a = dom[a];
            }
            while (order[b] > order[a]) {
                b = dom[b];
            }
        }
        return a;
    }

    /** @return the function */
    public Function function() {
        return function;
    }

    /**
     * @param block a block id
     * @return the ids of its predecessors
     */
    public List<Integer> predecessors(int block) {
        return predecessors.get(block);
    }

    /**
     * @param block a block id
     * @return the ids of its successors
     */
    public List<Integer> successors(int block) {
        return function.blocks().get(block).successors();
    }

    /** @return reachable block ids in reverse post-order */
    public List<Integer> reversePostOrder() {
        return reversePostOrder;
    }

    /**
     * @param block a block id
     * @return whether the block is reachable from the entry
     */
    public boolean isReachable(int block) {
        return order[block] >= 0;
    }

    /**
     * Whether {@code a} dominates {@code b} (every path from the entry to b passes a).
     *
     * @param a a block id
     * @param b a block id
     * @return true when a dominates b
     */
    public boolean dominates(int a, int b) {
        if (!isReachable(a) || !isReachable(b)) {
            return false;
        }
        int current = b;
        while (true) {
            if (current == a) {
                return true;
            }
            if (current == 0) {
                return false;
            }
            current = idom[current];
        }
    }

    /**
     * The position of a block in reverse post-order (smaller is earlier).
     *
     * @param block a block id
     * @return its index, -1 if unreachable
     */
    public int orderOf(int block) {
        return order[block];
    }
}
