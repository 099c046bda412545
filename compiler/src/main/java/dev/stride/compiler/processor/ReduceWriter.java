package dev.stride.compiler.processor;

import java.util.List;

/**
 * Writes the reduce and accumulate forms of one associative binary function into a companion class, as NumPy's
 * {@code add.reduce} and {@code add.accumulate}:
 *
 * <ul>
 *   <li>{@code fReduce(x)} and {@code fReduce(x, offset, length)} fold the elements left to right from the identity
 *       (or, without one, from the first element; an empty range then throws {@link IllegalArgumentException});
 *       the loop is annotated {@code @Vectorize.Reassociate} as well as {@code @Jit}, so the rewriter may split the
 *       fold into several accumulators: the user declared the function associative;
 *   <li>{@code fAccumulate(x, out)} writes the running results {@code out[i] = f(out[i - 1], x[i])}, {@code out[0]
 *       = x[0]}: a scan, each element depends on the previous one, so it is plain scalar code.
 * </ul>
 */
final class ReduceWriter {
    private final UfuncSourceWriter writer;
    private final UfuncModel f;
    private final String owner;
    private final String loopName;
    private final String type;

    ReduceWriter(UfuncSourceWriter writer, UfuncModel f, String owner, String loopName) {
        this.writer = writer;
        this.f = f;
        this.owner = owner;
        this.loopName = loopName;
        this.type = UfuncModel.javaName(f.resultType());
    }

    void write() {
        wholeReduce();
        rangeReduce();
        accumulate();
        loop();
    }

    private String reference() {
        return "{@link " + owner + "#" + f.name() + "(" + type + ", " + type + ")}";
    }

    private void wholeReduce() {
        line("");
        line("    /**");
        line("     * Folds every element with " + reference() + ", left to right" + start() + ".");
        line("     *");
        line("     * @param x the elements");
        line("     * @return the fold");
        emptyThrows();
        line("     * @throws NullPointerException when {@code x} is {@code null}");
        line("     */");
        line("    public static " + type + " " + f.name() + "Reduce(" + type + "[] x) {");
        line("        return " + f.name() + "Reduce(x, 0, x.length);");
        line("    }");
    }

    private void rangeReduce() {
        line("");
        line("    /**");
        line("     * Folds the elements {@code offset .. offset + length - 1} with " + reference() + ", left to right"
                + start() + ".");
        line("     *");
        line("     * @param x the elements");
        line("     * @param offset the first element");
        line("     * @param length the number of elements");
        line("     * @return the fold");
        emptyThrows();
        line("     * @throws IndexOutOfBoundsException when the range is not inside {@code x}");
        line("     * @throws NullPointerException when {@code x} is {@code null}");
        line("     */");
        line("    public static " + type + " " + f.name() + "Reduce(" + type + "[] x, int offset, int length) {");
        line("        java.util.Objects.checkFromIndexSize(offset, length, x.length);");
        if (f.identity().isPresent()) {
            line("        return " + loopName + "(x, offset, offset + length, "
                    + f.identity().get() + ");");
        } else {
            line("        if (length == 0) {");
            line("            throw new IllegalArgumentException(\"" + f.name()
                    + "Reduce: cannot reduce an empty range:" + " " + f.name()
                    + " has no identity (declare @Vectorize(identity = ...))\");");
            line("        }");
            line("        return " + loopName + "(x, offset + 1, offset + length, x[offset]);");
        }
        line("    }");
    }

    private String start() {
        return f.identity().isPresent()
                ? ", starting from the identity {@code " + f.identity().get() + "} (returned for no elements)"
                : ", starting from the first element";
    }

    private void emptyThrows() {
        if (f.identity().isEmpty()) {
            line("     * @throws IllegalArgumentException when there are no elements ({@code " + f.name()
                    + "} has no identity)");
        }
    }

    private void accumulate() {
        line("");
        line("    /**");
        line("     * Writes the running folds with " + reference() + ": {@code out[0] = x[0]}, {@code out[i] = "
                + f.name() + "(out[i - 1], x[i])}.");
        line("     *");
        line("     * @param x the elements");
        line("     * @param out receives the running folds; the same length as {@code x} (may be {@code x} itself)");
        line("     * @throws IllegalArgumentException when the arrays differ in length (nothing is written)");
        line("     * @throws NullPointerException when an array is {@code null} (nothing is written)");
        line("     */");
        line("    public static void " + f.name() + "Accumulate(" + type + "[] x, " + type + "[] out) {");
        writer.lengthCheck(f.name() + "Accumulate", List.of("x", "out"));
        line("        if (x.length == 0) {");
        line("            return;");
        line("        }");
        line("        " + type + " acc = x[0];");
        line("        out[0] = acc;");
        line("        for (int i = 1; i < x.length; i++) {");
        line("            acc = " + owner + "." + f.name() + "(acc, x[i]);");
        line("            out[i] = acc;");
        line("        }");
        line("    }");
    }

    private void loop() {
        line("");
        line("    @dev.stride.Jit(fastmath = " + f.fastmath() + ")");
        line("    @dev.stride.Vectorize.Reassociate");
        line("    private static " + type + " " + loopName + "(" + type + "[] x, int from, int to, " + type
                + " acc) {");
        line("        " + type + " result = acc;");
        line("        for (int i = from; i < to; i++) {");
        line("            result = " + owner + "." + f.name() + "(result, x[i]);");
        line("        }");
        line("        return result;");
        line("    }");
    }

    private void line(String text) {
        writer.line(text);
    }
}
