package dev.stride.compiler.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A basic block: a straight run of statements entered only at the top. The block keeps the range of original
 * instructions it was lifted from, so code generation can find the place to patch.
 */
public final class Block {
    private final int id;
    private final int firstInsn;
    private final int lastInsn;
    private final List<Stmt> statements = new ArrayList<>();
    private final List<Integer> successors = new ArrayList<>();
    private int line;

    /**
     * A block over original instructions {@code firstInsn..lastInsn} (inclusive indices into the method's list).
     *
     * @param id the block id, its index in {@link Function#blocks()}
     * @param firstInsn index of the first instruction node
     * @param lastInsn index of the last instruction node
     */
    public Block(int id, int firstInsn, int lastInsn) {
        this.id = id;
        this.firstInsn = firstInsn;
        this.lastInsn = lastInsn;
    }

    /** @return the block id */
    public int id() {
        return id;
    }

    /** @return index of the first original instruction node */
    public int firstInsn() {
        return firstInsn;
    }

    /** @return index of the last original instruction node */
    public int lastInsn() {
        return lastInsn;
    }

    /** @return the statements, terminator last if any (mutable while lifting) */
    public List<Stmt> statements() {
        return statements;
    }

    /** @return successor block ids in branch order (true target first for branches) */
    public List<Integer> successors() {
        return successors;
    }

    /** @return the first source line of the block, 0 if unknown */
    public int line() {
        return line;
    }

    /**
     * Records the first source line (set by the lifter).
     *
     * @param line the line
     */
    public void setLine(int line) {
        this.line = line;
    }

    /**
     * The terminator, or null when the block falls through.
     *
     * @return the last statement if it ends the block
     */
    public Stmt terminator() {
        if (statements.isEmpty()) {
            return null;
        }
        Stmt last = statements.getLast();
        return switch (last) {
            case Stmt.Branch b -> b;
            case Stmt.Jump j -> j;
            case Stmt.Return r -> r;
            case Stmt.Throw t -> t;
            case Stmt.Switch s -> s;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "B" + id;
    }
}
