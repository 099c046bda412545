package dev.stride.compiler.report;

/**
 * The deduced type of one parameter or local variable.
 *
 * @param name the name from the debug tables, or {@code slotN} without them
 * @param slot the local variable slot
 * @param type the Java type as source would spell it ({@code double[]}, {@code int})
 * @param line the first line where it is declared or assigned (the method's line for parameters)
 * @param parameter whether it is a parameter
 */
public record VariableReport(String name, int slot, String type, int line, boolean parameter) {}
