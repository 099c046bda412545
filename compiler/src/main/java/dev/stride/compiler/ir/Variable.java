package dev.stride.compiler.ir;

/**
 * A storage location of the lifted method: a JVM local slot, or a synthetic stack temporary that carries a value
 * on the operand stack across a block boundary (as javac does for {@code c ? a : b}).
 *
 * <p>A local slot that javac reuses for values of different types (an {@code int} loop counter, later a
 * {@code double}) is two variables: the kind is part of a local's identity.
 *
 * @param id the local slot, or {@link #STACK_BASE} plus the stack depth for stack temporaries
 * @param kind the kind of a local's values (null for stack and lifter temporaries)
 */
public record Variable(int id, Kind kind) implements Comparable<Variable> {

    /** Ids at and above this are stack temporaries; JVM local slots are below 65536. */
    public static final int STACK_BASE = 1 << 20;

    /** Ids at and above this are temporaries the lifter introduces to keep evaluation order. */
    public static final int TEMP_BASE = 1 << 29;

    /** Stack depths per block: the stack temporary of block b at depth d is {@code STACK_BASE + b * this + d}. */
    private static final int DEPTHS_PER_BLOCK = 256;

    /**
     * The variable of a local slot.
     *
     * @param slot a JVM local slot
     * @param kind the kind of the values it holds here
     * @return the variable
     */
    public static Variable local(int slot, Kind kind) {
        return new Variable(slot, kind);
    }

    /**
     * The stack temporary that carries the value at a stack depth into a block. Each block has its own, so a
     * value that only one join needs is dead everywhere else.
     *
     * @param block the id of the block that reads it on entry
     * @param depth the operand stack depth (0 = bottom)
     * @return the variable
     */
    public static Variable stack(int block, int depth) {
        if (depth >= DEPTHS_PER_BLOCK || block >= (TEMP_BASE - STACK_BASE) / DEPTHS_PER_BLOCK) {
            throw new IllegalArgumentException("method too large to lift: block " + block + " depth " + depth);
        }
        return new Variable(STACK_BASE + block * DEPTHS_PER_BLOCK + depth, null);
    }

    /**
     * A lifter temporary.
     *
     * @param number a number unique within the method
     * @return the variable
     */
    public static Variable temp(int number) {
        return new Variable(TEMP_BASE + number, null);
    }

    /**
     * Whether this is a stack temporary.
     *
     * @return true for stack temporaries
     */
    public boolean isStack() {
        return id >= STACK_BASE && id < TEMP_BASE;
    }

    /**
     * Whether this is a JVM local slot.
     *
     * @return true for locals
     */
    public boolean isLocal() {
        return id < STACK_BASE;
    }

    /**
     * The JVM local slot of a local variable.
     *
     * @return the slot
     */
    public int slot() {
        if (!isLocal()) {
            throw new IllegalStateException("stack temporary has no slot: " + this);
        }
        return id;
    }

    @Override
    public int compareTo(Variable other) {
        int byId = Integer.compare(id, other.id);
        if (byId != 0) {
            return byId;
        }
        return Integer.compare(kind == null ? -1 : kind.ordinal(), other.kind == null ? -1 : other.kind.ordinal());
    }

    @Override
    public String toString() {
        if (isLocal()) {
            return "slot" + id;
        }
        return isStack()
                ? "$stack" + (id - STACK_BASE) % DEPTHS_PER_BLOCK + "@B" + (id - STACK_BASE) / DEPTHS_PER_BLOCK
                : "$t" + (id - TEMP_BASE);
    }
}
