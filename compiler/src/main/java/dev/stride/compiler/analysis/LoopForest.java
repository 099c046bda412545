package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Block;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the natural loops of a function from its back edges (edges whose target dominates their source), merges
 * loops that share a header, nests them by containment, and numbers them in source order. Retreating edges that
 * are not back edges mean irreducible control flow (impossible from javac); such a method gets no loops and an
 * explanation.
 *
 * @param roots outermost loops in source order
 * @param all every loop, outer loops before the loops they contain
 * @param irreducible whether the method has irreducible control flow
 */
public record LoopForest(List<Loop> roots, List<Loop> all, boolean irreducible) {

    /**
     * Analyses a control flow graph.
     *
     * @param cfg the graph with dominators
     * @return the loops
     */
    public static LoopForest of(ControlFlowGraph cfg) {
        Map<Integer, List<Integer>> latchesByHeader = new TreeMap<>();
        boolean irreducible = false;
        for (int block : cfg.reversePostOrder()) {
            for (int successor : cfg.successors(block)) {
                if (cfg.dominates(successor, block)) {
                    latchesByHeader
                            .computeIfAbsent(successor, h -> new ArrayList<>())
                            .add(block);
                } else if (cfg.orderOf(successor) <= cfg.orderOf(block)) {
                    irreducible = true;
                }
            }
        }
        if (irreducible) {
            return new LoopForest(List.of(), List.of(), true);
        }
        List<Loop> all = new ArrayList<>();
        latchesByHeader.forEach((header, latches) -> all.add(new Loop(header, body(cfg, header, latches), latches)));
        all.sort(Comparator.comparingInt((Loop l) -> -l.blocks().size()));
        List<Loop> roots = nest(all);
        number(cfg, roots, "L");
        List<Loop> ordered = new ArrayList<>();
        flatten(roots, ordered);
        return new LoopForest(roots, ordered, false);
    }

    private static TreeSet<Integer> body(ControlFlowGraph cfg, int header, List<Integer> latches) {
        TreeSet<Integer> body = new TreeSet<>();
        body.add(header);
        ArrayDeque<Integer> work = new ArrayDeque<>();
        for (int latch : latches) {
            if (body.add(latch)) {
                work.add(latch);
            }
        }
        while (!work.isEmpty()) {
            for (int predecessor : cfg.predecessors(work.poll())) {
                if (cfg.isReachable(predecessor) && body.add(predecessor)) {
                    work.add(predecessor);
                }
            }
        }
        return body;
    }

    private static List<Loop> nest(List<Loop> largestFirst) {
        List<Loop> roots = new ArrayList<>();
        for (int k = 0; k < largestFirst.size(); k++) {
            Loop loop = largestFirst.get(k);
            Loop parent = null;
            for (int j = k - 1; j >= 0; j--) {
                Loop candidate = largestFirst.get(j);
                if (candidate.blocks().containsAll(loop.blocks())) {
                    parent = candidate;
                    break;
                }
            }
            loop.setParent(parent);
            (parent == null ? roots : parent.children()).add(loop);
        }
        return roots;
    }

    private static void number(ControlFlowGraph cfg, List<Loop> loops, String prefix) {
        loops.sort(Comparator.comparingInt(Loop::header));
        for (int k = 0; k < loops.size(); k++) {
            Loop loop = loops.get(k);
            loop.setId(prefix + (k + 1));
            loop.setLine(firstLine(cfg, loop));
            number(cfg, loop.children(), loop.id() + ".");
        }
    }

    private static int firstLine(ControlFlowGraph cfg, Loop loop) {
        int best = 0;
        for (int id : loop.blocks()) {
            Block block = cfg.function().blocks().get(id);
            if (block.line() > 0 && (best == 0 || block.line() < best)) {
                best = block.line();
            }
        }
        return best;
    }

    private static void flatten(List<Loop> loops, List<Loop> out) {
        for (Loop loop : loops) {
            out.add(loop);
            flatten(loop.children(), out);
        }
    }
}
