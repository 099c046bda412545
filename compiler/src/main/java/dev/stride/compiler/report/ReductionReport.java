package dev.stride.compiler.report;

/**
 * One reduction the compiler recognised.
 *
 * @param variable the accumulator's name (from the debug tables, or {@code slot N})
 * @param operator the operator: {@code + * min max & | ^}
 * @param type the accumulator's type
 * @param identity the identity the vector accumulator starts from, as Java prints it
 * @param reassociated whether the reduction changes the order of floating-point operations (fastmath)
 */
public record ReductionReport(String variable, String operator, String type, String identity, boolean reassociated) {}
