package dev.stride.compiler.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.Diagnostic;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.codegen.ClassVerification;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-made hostile class files (issue #9): the compiler never crashes with an unexplained exception, never hangs,
 * never writes an invalid class, and says what was wrong with the input.
 */
class HostileClassFileTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void jsrSubroutinesAreLeftAloneWithAWarning() {
        ClassRewrite rewrite = compile(HostileClasses.jsrSubroutine());

        assertFalse(rewrite.changed());
        assertTrue(rewrite.report().methods().getFirst().loops().isEmpty());
        Diagnostic warning = only(rewrite, Diagnostic.Severity.WARNING);
        assertTrue(warning.message().contains("kernel([D)D uses jsr/ret subroutines"), warning.message());
        assertEquals(10, warning.line());
    }

    @Test
    void irreducibleLoopsAreNotOptimisedAndTheReportSaysWhy() {
        ClassRewrite rewrite = compile(HostileClasses.irreducibleLoop());

        assertFalse(rewrite.changed());
        String warnings =
                String.join("\n", rewrite.report().methods().getFirst().warnings());
        assertTrue(warnings.contains("irreducible control flow"), warnings);
    }

    @Test
    void invalidBytecodeIsAnErrorNamingTheMethod() {
        ClassRewrite rewrite = compile(HostileClasses.stackUnderflow());

        assertFalse(rewrite.changed());
        Diagnostic error = only(rewrite, Diagnostic.Severity.ERROR);
        assertTrue(error.message().contains("kernel([D)D"), error.message());
        assertTrue(error.message().contains("not valid bytecode"), error.message());
    }

    @Test
    void aMethodThatWouldOutgrowTheCodeLimitIsLeftUnchangedWithAWarning() {
        // 13,100 x 5 + 24 = 65,524 bytes: below the 65,535 limit before rewriting, above it with the SIMD entry
        ClassRewrite rewrite = compile(HostileClasses.sumWithPadding(13_100));

        assertFalse(rewrite.changed());
        String messages = rewrite.diagnostics().toString();
        assertTrue(messages.contains("64 KB"), messages);
        assertTrue(messages.contains("kernel([D)D"), messages);
    }

    @Test
    void aLongMethodJustBelowTheLimitIsStillRewrittenAndRuns() throws Throwable {
        ClassRewrite rewrite = compile(HostileClasses.sumWithPadding(10_000));

        assertTrue(rewrite.changed(), rewrite.diagnostics().toString());
        assertEquals(10.0, run(rewrite, new double[] {1, 2, 3, 4}), 0.0);
    }

    @Test
    void deepLoopNestsCompileInBoundedTimeAndStayCorrect() throws Throwable {
        ClassRewrite rewrite = compile(HostileClasses.deepNest(40));

        assertValid(rewrite);
        // 2^40 outer iterations cannot run; the innermost loop's result is checked on a shallower nest below
        assertEquals(41, rewrite.report().methods().getFirst().loops().size());
        ClassRewrite shallow = compile(HostileClasses.deepNest(3));
        assertEquals(8 * 6.0, run(shallow, new double[] {1, 2, 3}), 0.0);
    }

    @Test
    void aThousandLoopsInOneMethodCompileInBoundedTime() throws Throwable {
        ClassRewrite rewrite = compile(HostileClasses.manyLoops(1_000));

        assertValid(rewrite);
        assertEquals(1_000 * 6.0, run(rewrite, new double[] {1, 2, 3}), 0.0);
    }

    static ClassRewrite compile(byte[] classFile) {
        ClassRewrite rewrite = assertTimeoutPreemptively(
                BOUND, () -> new StrideCompiler(CompilerOptions.defaults()).compile(classFile));
        assertValid(rewrite);
        return rewrite;
    }

    static void assertValid(ClassRewrite rewrite) {
        if (rewrite.changed()) {
            assertNull(ClassVerification.problem(rewrite.rewrittenClass()));
            rewrite.addedClasses().values().forEach(bytes -> assertNull(ClassVerification.problem(bytes)));
        }
    }

    private static Diagnostic only(ClassRewrite rewrite, Diagnostic.Severity severity) {
        List<Diagnostic> found = rewrite.diagnostics().stream()
                .filter(d -> d.severity() == severity)
                .toList();
        assertEquals(1, found.size(), rewrite.diagnostics().toString());
        return found.getFirst();
    }

    /** Loads the rewritten class (the JVM verifies it) and calls {@code kernel(double[])}. */
    private static double run(ClassRewrite rewrite, double[] input) throws Throwable {
        assertTrue(rewrite.changed(), rewrite.diagnostics().toString());
        Map<String, byte[]> classes = new HashMap<>(rewrite.addedClasses());
        classes.put(HostileClasses.NAME, rewrite.rewrittenClass());
        ClassLoader loader = new ClassLoader("hostile", HostileClassFileTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name.replace('.', '/'));
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        Class<?> kernel = loader.loadClass(HostileClasses.NAME.replace('/', '.'));
        return (double) MethodHandles.publicLookup()
                .findStatic(kernel, "kernel", MethodType.methodType(double.class, double[].class))
                .invoke(input);
    }
}
