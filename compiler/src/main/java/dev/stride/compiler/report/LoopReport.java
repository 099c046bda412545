package dev.stride.compiler.report;

/**
 * One loop of a method and its verdict.
 *
 * @param id a stable, method-relative id: {@code L1}, {@code L2} in source order, nested as {@code L1.1}
 * @param line the source line of the loop header
 * @param endLine the last source line with code of the loop (its body's last statement, nested loops included);
 *     the closing brace has no code and is not counted. Equal to {@code line} for a one-line loop
 * @param verdict what was decided
 */
public record LoopReport(String id, int line, int endLine, LoopVerdict verdict) {}
