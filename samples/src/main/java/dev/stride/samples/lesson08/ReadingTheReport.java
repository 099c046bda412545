package dev.stride.samples.lesson08;

import dev.stride.Jit;

/**
 * Lesson 8: reading the report.
 *
 * <p>How to run: {@code ./stride --inspect samples/target/classes/dev/stride/samples/lesson08/ReadingTheReport.class}
 * (or open {@code samples/target/stride-reports/dev.stride.samples.lesson08.ReadingTheReport.txt}, which the
 * plugin wrote during the build; {@code --format html --source samples/src/main/java} gives the same as a page
 * with the code coloured by verdict). For {@link #scaledSum} it prints, section by section:
 *
 * <ul>
 *   <li>the method line: signature, the annotation as written, the first line, and {@code compiled at build}
 *       (the plugin rewrote it; {@code load} would mean the agent, {@code inspect} a class nobody rewrote);
 *   <li>{@code variables}: the type Stride deduced for every parameter and local, with the line it is first
 *       assigned;
 *   <li>{@code warning: line 50: float array element widened to double}: each {@code a[i]} is converted before
 *       it is added, so the SIMD loop computes in {@code double}: 4 lanes per 256-bit vector instead of 8 floats;
 *       keep the accumulator {@code float} if that precision is enough;
 *   <li>the loop line: its id ({@code L1}, stable: the first loop of the method), its lines and the verdict.
 *       Here {@code VECTORISED 4 x double (256-bit)}, and the shape says how: {@code (float lanes in 128-bit
 *       vectors, converted per lane)} is the widening the warning announced, made per lane;
 *   <li>{@code induction}: the loop's counter and range as the analysis understood it;
 *   <li>{@code diagnostics} (at the end): the same verdicts as {@code File.java:line:} messages, as the build log
 *       prints them (warnings for loops left scalar; errors instead with {@code strict = true}).
 * </ul>
 *
 * <p>{@link #scaledSumFloat} is the fix: everything {@code float}. Its loop is {@code VECTORISED 8 x float}, and
 * the report adds the lines that explain the SIMD code: {@code reduction total + (float, identity -0.0,
 * reassociated under fastmath)}, {@code hoisted: scale (broadcast)} (computed once before the loop), and {@code
 * check: ...} (what is tested once before the SIMD loop; if a check fails the original loop runs). {@link
 * #scaledSumExact} is {@link #scaledSum} without {@code fastmath}: {@code NOT VECTORISED}, with the reason in the
 * user's terms and its name ({@code NEEDS_FASTMATH_REDUCTION}: {@code docs/reasons.md} shows a before and after
 * for every reason). {@link #shift} shows the last verdict: {@code LEFT TO C2}, a plain map that HotSpot
 * vectorises by itself, so Stride does not touch it.
 */
public final class ReadingTheReport {
    private ReadingTheReport() {}

    /**
     * A float array summed into a double: vectorised, but the widening halves the SIMD width.
     *
     * @param a the values
     * @param scale a factor applied to each value
     * @return the sum of {@code a[i] * scale}
     */
    @Jit(fastmath = true)
    public static double scaledSum(float[] a, double scale) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i] * scale;
        }
        return total;
    }

    /**
     * The same sum in float: 8 lanes per 256-bit vector.
     *
     * @param a the values
     * @param scale a factor applied to each value
     * @return the sum of {@code a[i] * scale}
     */
    @Jit(fastmath = true)
    public static float scaledSumFloat(float[] a, float scale) {
        float total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i] * scale;
        }
        return total;
    }

    /**
     * {@link #scaledSum} without fastmath: adding in another order could change the last bits, so it stays scalar.
     *
     * @param a the values
     * @param scale a factor applied to each value
     * @return the sum of {@code a[i] * scale}, in order
     */
    @Jit
    public static double scaledSumExact(float[] a, double scale) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i] * scale;
        }
        return total;
    }

    /**
     * A straight-line map: C2 vectorises it already.
     *
     * @param a the values
     * @param delta added to each value
     * @param out receives {@code a[i] + delta}
     */
    @Jit
    public static void shift(double[] a, double delta, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + delta;
        }
    }
}
