package dev.stride.runtime.parallel;

/**
 * The reduction operators a parallel loop may combine its chunk partials with: {@code + * min max & | ^}.
 *
 * <p>Each operator has an identity per element type, which seeds every chunk but the first, and a combining
 * function, which folds the chunk partials left to right. All of them are associative in Java arithmetic except
 * floating-point {@link #SUM} and {@link #PRODUCT}: integer overflow wraps the same way in any grouping, and
 * {@link Math#min}/{@link Math#max} treat NaN and signed zeros associatively. For floating-point sums and
 * products the grouping by chunks changes the rounding, which the rewriter permits only under {@code fastmath}.
 * The bitwise operators are defined for {@code int} and {@code long} only.
 *
 * <p>The floating-point {@link #SUM} identity is {@code -0.0}, not {@code 0.0}: {@code -0.0 + x == x} for
 * every {@code x} including {@code -0.0}, so a chunk of negative zeros keeps its sign.
 */
public enum ReductionOperator {
    /** {@code a + b}. */
    SUM,
    /** {@code a * b}. */
    PRODUCT,
    /** {@code Math.min(a, b)}. */
    MIN,
    /** {@code Math.max(a, b)}. */
    MAX,
    /** {@code a & b}, integral types only. */
    AND,
    /** {@code a | b}, integral types only. */
    OR,
    /** {@code a ^ b}, integral types only. */
    XOR;

    /**
     * Whether this is one of {@code & | ^}, which floating-point types do not have.
     *
     * @return true for {@link #AND}, {@link #OR} and {@link #XOR}
     */
    public boolean isBitwise() {
        return this == AND || this == OR || this == XOR;
    }

    /**
     * Combines two {@code int} partials.
     *
     * @param left the partial of the lower chunks
     * @param right the partial of the next chunk
     * @return {@code left op right}
     */
    public int applyInt(int left, int right) {
        return switch (this) {
            case SUM -> left + right;
            case PRODUCT -> left * right;
            case MIN -> Math.min(left, right);
            case MAX -> Math.max(left, right);
            case AND -> left & right;
            case OR -> left | right;
            case XOR -> left ^ right;
        };
    }

    /**
     * Combines two {@code long} partials.
     *
     * @param left the partial of the lower chunks
     * @param right the partial of the next chunk
     * @return {@code left op right}
     */
    public long applyLong(long left, long right) {
        return switch (this) {
            case SUM -> left + right;
            case PRODUCT -> left * right;
            case MIN -> Math.min(left, right);
            case MAX -> Math.max(left, right);
            case AND -> left & right;
            case OR -> left | right;
            case XOR -> left ^ right;
        };
    }

    /**
     * Combines two {@code float} partials.
     *
     * @param left the partial of the lower chunks
     * @param right the partial of the next chunk
     * @return {@code left op right}
     * @throws IllegalArgumentException for a bitwise operator
     */
    public float applyFloat(float left, float right) {
        return switch (this) {
            case SUM -> left + right;
            case PRODUCT -> left * right;
            case MIN -> Math.min(left, right);
            case MAX -> Math.max(left, right);
            case AND, OR, XOR -> throw notFloatingPoint("float");
        };
    }

    /**
     * Combines two {@code double} partials.
     *
     * @param left the partial of the lower chunks
     * @param right the partial of the next chunk
     * @return {@code left op right}
     * @throws IllegalArgumentException for a bitwise operator
     */
    public double applyDouble(double left, double right) {
        return switch (this) {
            case SUM -> left + right;
            case PRODUCT -> left * right;
            case MIN -> Math.min(left, right);
            case MAX -> Math.max(left, right);
            case AND, OR, XOR -> throw notFloatingPoint("double");
        };
    }

    /**
     * The {@code int} identity: {@code applyInt(identityInt(), x) == x} for every {@code x}.
     *
     * @return 0, 1, {@code MAX_VALUE}, {@code MIN_VALUE}, -1, 0 or 0
     */
    public int identityInt() {
        return switch (this) {
            case SUM, OR, XOR -> 0;
            case PRODUCT -> 1;
            case MIN -> Integer.MAX_VALUE;
            case MAX -> Integer.MIN_VALUE;
            case AND -> -1;
        };
    }

    /**
     * The {@code long} identity: {@code applyLong(identityLong(), x) == x} for every {@code x}.
     *
     * @return 0, 1, {@code MAX_VALUE}, {@code MIN_VALUE}, -1, 0 or 0
     */
    public long identityLong() {
        return switch (this) {
            case SUM, OR, XOR -> 0L;
            case PRODUCT -> 1L;
            case MIN -> Long.MAX_VALUE;
            case MAX -> Long.MIN_VALUE;
            case AND -> -1L;
        };
    }

    /**
     * The {@code float} identity, exactly representable, so also the identity of {@code double} slots that carry
     * {@code float} accumulators.
     *
     * @return -0.0, 1.0, +infinity or -infinity
     * @throws IllegalArgumentException for a bitwise operator
     */
    public float identityFloat() {
        requireFloatingPoint("float");
        return (float) identityDouble();
    }

    /**
     * The {@code double} identity: {@code applyDouble(identityDouble(), x)} is {@code x} bit for bit.
     *
     * @return -0.0, 1.0, +infinity or -infinity
     * @throws IllegalArgumentException for a bitwise operator
     */
    public double identityDouble() {
        return switch (this) {
            case SUM -> -0.0;
            case PRODUCT -> 1.0;
            case MIN -> Double.POSITIVE_INFINITY;
            case MAX -> Double.NEGATIVE_INFINITY;
            case AND, OR, XOR -> throw notFloatingPoint("double");
        };
    }

    /**
     * Checks that this operator exists for a floating-point type.
     *
     * @param typeName {@code "float"} or {@code "double"}, for the message
     * @throws IllegalArgumentException for a bitwise operator
     */
    void requireFloatingPoint(String typeName) {
        if (isBitwise()) {
            throw notFloatingPoint(typeName);
        }
    }

    private IllegalArgumentException notFloatingPoint(String typeName) {
        return new IllegalArgumentException("reduction operator " + name() + " is not defined for " + typeName
                + ": the bitwise operators & | ^ apply to int and long only");
    }
}
