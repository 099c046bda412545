package dev.stride.compiler.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * A natural loop: a header that dominates every block of the loop, and back edges from the latches to it.
 *
 * <pre>
 *        preheader
 *            |
 *            v
 *   +---> header ----> exit        (javac puts the test of a for loop in the header)
 *   |        |
 *   |       body ...
 *   |        |
 *   +----- latch                   (the block with the back edge, e.g. holding i++)
 * </pre>
 */
public final class Loop {
    private final int header;
    private final SortedSet<Integer> blocks;
    private final List<Integer> latches;
    private final List<Loop> children = new ArrayList<>();
    private Loop parent;
    private String id;
    private int line;

    Loop(int header, SortedSet<Integer> blocks, List<Integer> latches) {
        this.header = header;
        this.blocks = blocks;
        this.latches = latches;
    }

    /** @return the header block id */
    public int header() {
        return header;
    }

    /** @return the ids of all blocks of the loop, nested loops included */
    public SortedSet<Integer> blocks() {
        return blocks;
    }

    /** @return the blocks with a back edge to the header */
    public List<Integer> latches() {
        return latches;
    }

    /** @return directly nested loops in source order */
    public List<Loop> children() {
        return children;
    }

    /** @return the enclosing loop, or null for an outermost loop */
    public Loop parent() {
        return parent;
    }

    void setParent(Loop parent) {
        this.parent = parent;
    }

    /** @return the stable, method-relative id such as {@code L1} or {@code L2.1} */
    public String id() {
        return id;
    }

    void setId(String id) {
        this.id = id;
    }

    /** @return the source line of the loop (the first line in its blocks) */
    public int line() {
        return line;
    }

    void setLine(int line) {
        this.line = line;
    }

    /**
     * Whether a block belongs to the loop.
     *
     * @param block a block id
     * @return true when inside
     */
    public boolean contains(int block) {
        return blocks.contains(block);
    }

    @Override
    public String toString() {
        return id + "@B" + header;
    }
}
