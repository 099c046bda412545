package dev.stride.compiler;

import dev.stride.compiler.codegen.CodeSizes;
import dev.stride.compiler.codegen.SimdMethodBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Warns when the SIMD entry code pushes one of the user's methods over HotSpot's JIT size limit. The code inserted
 * before each vectorised loop (the guard, the {@code $end} call, the SIMD call) adds a few dozen bytes; a method
 * that was at most {@value SimdMethodBudget#HOTSPOT_HUGE_METHOD_LIMIT} bytes and is above it after the rewrite
 * would no longer be JIT-compiled at all, and its scalar code would run in the interpreter. The holder methods are
 * kept small before the verdict ({@link SimdMethodBudget}); this is the check for the user's own method, after
 * the rewrite. A method that was already above the limit is not reported: the rewrite changes nothing for it.
 */
final class HugeMethodCheck {

    private HugeMethodCheck() {}

    /**
     * The warnings for one rewritten class.
     *
     * @param sourceFile the source file name for the diagnostics
     * @param original the class as compiled by javac
     * @param rewritten the rewritten class
     * @return one warning per method that crossed the limit
     */
    static List<Diagnostic> warnings(String sourceFile, byte[] original, byte[] rewritten) {
        Map<String, Integer> before = CodeSizes.of(original);
        List<Diagnostic> warnings = new ArrayList<>();
        int limit = SimdMethodBudget.HOTSPOT_HUGE_METHOD_LIMIT;
        CodeSizes.of(rewritten).forEach((method, size) -> {
            Integer was = before.get(method);
            if (was != null && was <= limit && size > limit) {
                warnings.add(new Diagnostic(
                        Diagnostic.Severity.WARNING,
                        sourceFile,
                        0,
                        method + ": with the SIMD entry code the method has " + size + " bytes of bytecode (" + was
                                + " as written), above HotSpot's limit of " + limit + " for JIT compilation; it will"
                                + " run interpreted (split the method, e.g. move the loop into a method of its own)"));
            }
        });
        return warnings;
    }
}
