package dev.stride.compiler.report;

/**
 * One reduction the compiler recognised.
 *
 * @param variable the accumulator's name (from the debug tables, or {@code slot N})
 * @param operator the operator: {@code + * min max & | ^}
 * @param type the accumulator's type
 * @param identity the identity the vector accumulator starts from, as Java prints it
 * @param reassociated whether the reduction changes the order of floating-point operations
 * @param optIn what permitted the reassociation: {@code fastmath}, or {@code associative} for the reduce loop of
 *     a {@code @Vectorize(associative = true)} function; empty when the reduction is exact
 */
public record ReductionReport(
        String variable, String operator, String type, String identity, boolean reassociated, String optIn) {

    /**
     * The {@code optIn} of a {@code float}/{@code double} minimum or maximum written as a comparison
     * ({@code m = x > m ? x : m}), vectorised under fastmath: NaN is handled exactly, only a tie between
     * {@code -0.0} and {@code 0.0} may keep the other zero.
     */
    public static final String SELECT_UNDER_FASTMATH = "fastmath-select";

    /**
     * A reduction whose reassociation, if any, fastmath permitted.
     *
     * @param variable the accumulator's name
     * @param operator the operator
     * @param type the accumulator's type
     * @param identity the identity
     * @param reassociated whether the order of floating-point operations changes
     */
    public ReductionReport(String variable, String operator, String type, String identity, boolean reassociated) {
        this(variable, operator, type, identity, reassociated, reassociated ? "fastmath" : "");
    }

    /**
     * How the renderers say whether the result is exact.
     *
     * @return {@code exact}, {@code reassociated under fastmath}, {@code reassociated (declared associative)} or the
     *     select's caveat
     */
    public String exactness() {
        if (!reassociated) {
            return "exact";
        }
        return switch (optIn) {
            case "associative" -> "reassociated (declared associative)";
            case SELECT_UNDER_FASTMATH -> "select: NaN exact, a -0.0/0.0 tie may keep either zero, under fastmath";
            default -> "reassociated under fastmath";
        };
    }
}
