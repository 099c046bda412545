package dev.stride.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.kernels.MapKernels;
import dev.stride.compiler.kernels.RejectedKernels;
import dev.stride.compiler.testing.Inputs;
import dev.stride.compiler.testing.JsonCheck;
import dev.stride.compiler.testing.RewriteHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --inspect} from the command line: exit codes (0 report printed, 2 bad arguments or input) and the
 * messages that say what was wrong, the formats, and the {@code --method} filter.
 */
class InspectCommandTest {
    private static final String TEST_CLASSES = "target/test-classes";

    /** What one run printed and returned. */
    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = InspectCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String classFile(Class<?> type) {
        return TEST_CLASSES + "/" + type.getName().replace('.', '/') + ".class";
    }

    @Test
    void run_unknownOption_exits2WithUsage() {
        Run run = run(classFile(MapKernels.class), "--bogus");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("stride --inspect: unknown option --bogus"), run.err());
        assertTrue(run.err().contains("usage: stride --inspect"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void run_unknownFormat_exits2() {
        Run run = run(classFile(MapKernels.class), "--format", "xml");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--format must be text, json or html, was xml"), run.err());
    }

    @Test
    void run_optionWithoutValue_exits2() {
        Run run = run(classFile(MapKernels.class), "--method");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--method needs a value"), run.err());
    }

    @Test
    void run_noTarget_exits2() {
        Run run = run("--format", "json");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("nothing to inspect"), run.err());
    }

    @Test
    void run_help_exits0WithUsage() {
        Run run = run("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("[--format text|json|html]"), run.out());
    }

    @Test
    void run_missingFile_exits2NamingIt() {
        Run run = run("no/such/Kernels.class");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no such file or directory: no/such/Kernels.class"), run.err());
    }

    @Test
    void run_unknownClassName_exits2() {
        Run run = run("dev.stride.NoSuchClass", "--classpath", TEST_CLASSES);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("class dev.stride.NoSuchClass not found on the classpath"), run.err());
    }

    @Test
    void run_classWithoutAnnotations_exits2() {
        Run run = run(classFile(Inputs.class));

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no class with @Jit, @Vectorize or @Parallel methods in "), run.err());
    }

    @Test
    void run_notAClassFile_exits2(@TempDir Path temp) throws IOException {
        Path garbage = temp.resolve("Garbage.class");
        Files.write(garbage, new byte[] {1, 2, 3, 4});

        Run run = run(garbage.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("stride --inspect: " + garbage + ": "), run.err());
    }

    @Test
    void run_classRewrittenAtBuild_reportsItAsCompiledAtBuild(@TempDir Path temp) throws IOException {
        dev.stride.compiler.ClassRewrite rewrite = new dev.stride.compiler.StrideCompiler(
                        dev.stride.compiler.CompilerOptions.defaults())
                .compile(RewriteHarness.classBytes(MapKernels.class));
        assertTrue(rewrite.changed());
        Path classFile = temp.resolve(rewrite.internalName() + ".class");
        Files.createDirectories(classFile.getParent());
        Files.write(classFile, rewrite.rewrittenClass());
        for (var resource : rewrite.resources().entrySet()) {
            Path file = temp.resolve(resource.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, resource.getValue());
        }

        Run directory = run(temp.toString());
        Run single = run(classFile.toString());

        for (Run run : List.of(directory, single)) {
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("compiled at build"), run.out());
            assertFalse(run.out().contains("compiled at inspect"), run.out());
            assertTrue(run.out().contains("VECTORISED"), run.out());
        }
    }

    @Test
    void run_singleClassFile_inlinesFunctionsOfSiblingClassesLikeTheBuild(@TempDir Path temp) throws IOException {
        for (Class<?> type :
                List.of(dev.stride.compiler.kernels.ReasonExamples.class, dev.stride.compiler.kernels.Series.class)) {
            Path file = temp.resolve("classes").resolve(type.getName().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, RewriteHarness.classBytes(type));
        }
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Path target = temp.resolve("classes/dev/stride/compiler/kernels/ReasonExamples.class");

        Run run = run(target.toString(), "--method", "callNotInlinedAfter", "--classpath", empty.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("VECTORISED"), run.out());
    }

    @Test
    void run_truncatedKernelClassInADirectory_exits2NamingTheFile(@TempDir Path temp) throws IOException {
        byte[] kernel =
                dev.stride.compiler.testing.RewriteHarness.classBytes(dev.stride.compiler.kernels.MapKernels.class);
        Path file = temp.resolve("MapKernels.class");
        Files.write(file, java.util.Arrays.copyOf(kernel, kernel.length / 2));

        Run run = run(temp.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("stride --inspect: " + file + ": not a"), run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }

    @Test
    void run_classNameOnClasspath_printsTextReport() {
        Run run = run(MapKernels.class.getName(), "--classpath", TEST_CLASSES);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("dev.stride.compiler.kernels.MapKernels (MapKernels.java)"), run.out());
        assertTrue(run.out().contains("compiled at inspect"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void run_formatJson_printsValidJsonWithEveryLoop() {
        Run run = run(classFile(RejectedKernels.class), "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> document = (Map<String, Object>) JsonCheck.parse(run.out());
        List<Object> classes = (List<Object>) document.get("classes");
        Map<String, Object> kernels = (Map<String, Object>) classes.getFirst();
        assertEquals(RejectedKernels.class.getName(), kernels.get("name"));
        List<Object> methods = (List<Object>) kernels.get("methods");
        assertEquals(
                RewriteHarness.compile(RejectedKernels.class)
                        .rewrite()
                        .report()
                        .methods()
                        .size(),
                methods.size());
        Map<String, Object> prefixSum = (Map<String, Object>) methods.getFirst();
        Map<String, Object> loop = (Map<String, Object>) ((List<Object>) prefixSum.get("loops")).getFirst();
        Map<String, Object> verdict = (Map<String, Object>) loop.get("verdict");
        assertEquals("rejected", verdict.get("kind"));
        assertEquals("LOOP_CARRIED_ARRAY_DEPENDENCE", verdict.get("reason"));
        assertEquals(11.0, loop.get("line"));
        assertEquals(12.0, loop.get("endLine"));
        assertTrue(prefixSum.containsKey("passes"), "the command prints pass times");
    }

    @Test
    void jsonCheck_invalidJson_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> JsonCheck.parse("{\"a\": [1, 2,]}"));
        assertThrows(IllegalArgumentException.class, () -> JsonCheck.parse("{\"a\": \"tab\there\"}"));
        assertThrows(IllegalArgumentException.class, () -> JsonCheck.parse("{} {}"));
    }

    @Test
    void run_methodFilter_reportsOnlyThatMethod() {
        Run run = run(classFile(RejectedKernels.class), classFile(MapKernels.class), "--method", "divide");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("divide(int[], int[], int[]) void"), run.out());
        assertTrue(run.out().contains("INTEGER_DIVISION"));
        assertFalse(run.out().contains("prefixSum"), "other methods are left out");
        assertFalse(run.out().contains("MapKernels"), "classes without the method are left out");
    }

    @Test
    void run_methodFilterMatchingNothing_exits2() {
        Run run = run(classFile(RejectedKernels.class), "--method", "noSuchMethod");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no @Jit, @Vectorize or @Parallel method named noSuchMethod"), run.err());
    }

    @Test
    void run_formatHtmlWithSource_showsTheCode() {
        Run run = run(classFile(RejectedKernels.class), "--format", "html", "--source", "src/test/java");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("<!DOCTYPE html>"));
        assertTrue(run.out().contains("<div class=\"line rejected\""), "loop lines coloured");
    }

    @Test
    void run_sourceNotADirectory_exits2() {
        Run run = run(classFile(RejectedKernels.class), "--format", "html", "--source", "no/such/dir");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--source no/such/dir is not a directory"), run.err());
    }
}
