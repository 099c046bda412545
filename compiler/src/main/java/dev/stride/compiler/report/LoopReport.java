package dev.stride.compiler.report;

/**
 * One loop of a method and its verdict.
 *
 * @param id a stable, method-relative id: {@code L1}, {@code L2} in source order, nested as {@code L1.1}
 * @param line the source line of the loop header
 * @param endLine the last source line with code of the loop (its body's last statement, nested loops included);
 *     the closing brace has no code and is not counted. Equal to {@code line} for a one-line loop
 * @param verdict what was decided
 * @param induction the induction variable and its range ({@code i from 0 while i < a.length, step +1}), or empty
 *     when the loop is not a counted loop
 */
public record LoopReport(String id, int line, int endLine, LoopVerdict verdict, String induction) {

    /**
     * A loop whose induction variable is not described.
     *
     * @param id the loop id
     * @param line the header line
     * @param endLine the last line
     * @param verdict what was decided
     */
    public LoopReport(String id, int line, int endLine, LoopVerdict verdict) {
        this(id, line, endLine, verdict, "");
    }

    /**
     * This loop with another verdict.
     *
     * @param replacement the new verdict
     * @return a copy with the verdict replaced
     */
    public LoopReport withVerdict(LoopVerdict replacement) {
        return new LoopReport(id, line, endLine, replacement, induction);
    }
}
