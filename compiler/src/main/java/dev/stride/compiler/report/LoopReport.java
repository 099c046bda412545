package dev.stride.compiler.report;

/**
 * One loop of a method and its verdict.
 *
 * @param id a stable, method-relative id: {@code L1}, {@code L2} in source order, nested as {@code L1.1}
 * @param line the source line of the loop header
 * @param verdict what was decided
 */
public record LoopReport(String id, int line, LoopVerdict verdict) {}
