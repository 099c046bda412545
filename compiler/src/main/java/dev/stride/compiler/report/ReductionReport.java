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
     * @return {@code exact}, {@code reassociated under fastmath} or {@code reassociated (declared associative)}
     */
    public String exactness() {
        if (!reassociated) {
            return "exact";
        }
        return optIn.equals("associative") ? "reassociated (declared associative)" : "reassociated under fastmath";
    }
}
