package dev.stride.compiler;

import dev.stride.compiler.report.ClassReport;
import java.util.List;
import java.util.Map;

/**
 * The outcome of compiling one class file.
 *
 * @param internalName the class's internal name ({@code dev/stride/samples/Sum})
 * @param rewrittenClass the new bytes of the class, or {@code null} when the class is unchanged
 * @param addedClasses classes to write beside it (internal name to bytes), e.g. the SIMD holder class
 * @param resources resources to write into the output folder (relative path to bytes), e.g. the original
 * @param report what was deduced and decided, for {@code --inspect}
 * @param diagnostics messages located in the source, in line order
 */
public record ClassRewrite(
        String internalName,
        byte[] rewrittenClass,
        Map<String, byte[]> addedClasses,
        Map<String, byte[]> resources,
        ClassReport report,
        List<Diagnostic> diagnostics) {

    /**
     * Whether anything must be written.
     *
     * @return true when the class was rewritten
     */
    public boolean changed() {
        return rewrittenClass != null;
    }

    /**
     * Whether any diagnostic is an error.
     *
     * @return true when the build must fail
     */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
