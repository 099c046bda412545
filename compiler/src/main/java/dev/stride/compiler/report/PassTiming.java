package dev.stride.compiler.report;

/**
 * The time one compiler pass took on one method.
 *
 * @param pass the pass name
 * @param nanos elapsed nanoseconds
 */
public record PassTiming(String pass, long nanos) {}
