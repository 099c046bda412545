package dev.stride.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDirectoryCompilerTest {
    private static final String KERNEL = "com/example/Kernel";
    private static final String PLAIN = "com/example/Plain";

    @TempDir
    Path root;

    private final TestClasses.FakeCompiler compiler = new TestClasses.FakeCompiler();
    private final RecordingLog log = new RecordingLog();

    private Path classes() {
        return root.resolve("classes");
    }

    private void javac(String internalName, byte[] bytes) throws IOException {
        Path file = classes().resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private byte[] read(String relativePath) throws IOException {
        return Files.readAllBytes(classes().resolve(relativePath));
    }

    private ClassDirectoryCompiler.Result run(String fingerprint, boolean strict, ClassDirectoryCompiler.Mode mode)
            throws IOException {
        ClassDirectoryCompiler.Settings settings = new ClassDirectoryCompiler.Settings(
                classes(), root.resolve("stride/compile-state.txt"), fingerprint, strict, true, mode);
        ReportWriter reports = ReportWriter.of(root.resolve("reports"), List.of("text", "json"));
        return new ClassDirectoryCompiler(settings, compiler, new ClassNameFilter(List.of(), List.of()), reports, log)
                .run();
    }

    private ClassDirectoryCompiler.Result run() throws IOException {
        return run("v1", false, ClassDirectoryCompiler.Mode.REWRITE);
    }

    @Test
    void run_rewritesAnnotatedClassAndLeavesPlainClass() throws IOException {
        javac(KERNEL, TestClasses.kernel(KERNEL));
        javac(PLAIN, TestClasses.plain(PLAIN));

        RunStatistics statistics = run().statistics();

        assertEquals(1, statistics.compiled);
        assertEquals(1, statistics.rewritten);
        assertEquals(1, statistics.plain);
        assertArrayEquals(TestClasses.rewritten(KERNEL), read(KERNEL + ".class"));
        assertArrayEquals(TestClasses.plain(PLAIN), read(PLAIN + ".class"));
        assertTrue(Files.exists(classes().resolve(KERNEL + "$StrideSimd.class")));
        assertArrayEquals(TestClasses.kernel(KERNEL), read("META-INF/stride/original/" + KERNEL + ".class"));
        assertTrue(Files.exists(root.resolve("reports/com.example.Kernel.txt")));
        assertTrue(Files.readString(root.resolve("reports/com.example.Kernel.json"))
                .contains("\"name\": \"com.example.Kernel\""));
    }

    @Test
    void run_secondRunChangesNothing() throws IOException {
        javac(KERNEL, TestClasses.kernel(KERNEL));
        javac(PLAIN, TestClasses.plain(PLAIN));
        run();
        byte[] state = Files.readAllBytes(root.resolve("stride/compile-state.txt"));

        RunStatistics statistics = run().statistics();

        assertEquals(0, statistics.compiled);
        assertEquals(2, statistics.unchanged);
        assertEquals(1, compiler.inputs.size());
        assertArrayEquals(state, Files.readAllBytes(root.resolve("stride/compile-state.txt")));
        assertTrue(statistics.summary().contains("0 compiled / 2 unchanged"), statistics.summary());
    }

    @Test
    void run_recompilesClassThatJavacWroteAgain() throws IOException {
        javac(KERNEL, TestClasses.kernel(KERNEL));
        javac(PLAIN, TestClasses.plain(PLAIN));
        run();
        javac(KERNEL, TestClasses.classFile(KERNEL, true, true, 2));

        RunStatistics statistics = run().statistics();

        assertEquals(1, statistics.compiled);
        assertEquals(1, statistics.unchanged);
        assertArrayEquals(TestClasses.classFile(KERNEL, true, true, 2), compiler.inputs.get(1));
    }

    @Test
    void run_otherStrideVersionRecompilesFromStoredOriginal() throws IOException {
        javac(KERNEL, TestClasses.kernel(KERNEL));
        run("v1", false, ClassDirectoryCompiler.Mode.REWRITE);

        RunStatistics statistics =
                run("v2", false, ClassDirectoryCompiler.Mode.REWRITE).statistics();

        assertEquals(1, statistics.compiled);
        assertArrayEquals(TestClasses.kernel(KERNEL), compiler.inputs.get(1));
        assertArrayEquals(TestClasses.rewritten(KERNEL), read(KERNEL + ".class"));
    }

    @Test
    void run_lostStateStillNeverRecompilesRewrittenBytes() throws IOException {
        javac(KERNEL, TestClasses.kernel(KERNEL));
        run();
        Files.delete(root.resolve("stride/compile-state.txt"));

        RunStatistics statistics = run().statistics();

        assertEquals(1, statistics.compiled);
        assertArrayEquals(TestClasses.kernel(KERNEL), compiler.inputs.get(1));
    }

    @Test
    void run_sameInputGivesByteIdenticalOutput() throws IOException {
        javac(KERNEL, TestClasses.kernel(KERNEL));
        javac(PLAIN, TestClasses.plain(PLAIN));
        run();
        byte[] firstState = Files.readAllBytes(root.resolve("stride/compile-state.txt"));
        byte[] firstReport = Files.readAllBytes(root.resolve("reports/com.example.Kernel.json"));
        deleteRecursively(root);
        javac(PLAIN, TestClasses.plain(PLAIN));
        javac(KERNEL, TestClasses.kernel(KERNEL));

        run();

        assertArrayEquals(firstState, Files.readAllBytes(root.resolve("stride/compile-state.txt")));
        assertArrayEquals(firstReport, Files.readAllBytes(root.resolve("reports/com.example.Kernel.json")));
    }

    @Test
    void run_garbageClassFileFailsNamingItAndOthersStillCompile() throws IOException {
        javac("com/example/Broken", new byte[] {1, 2, 3, 4});
        javac(KERNEL, TestClasses.kernel(KERNEL));

        ClassDirectoryCompiler.Result result = run();

        assertEquals(1, result.errors().size());
        assertTrue(
                result.errors().get(0).contains("Broken.class: not a readable class file"), result.errors()::toString);
        assertEquals(1, result.statistics().rewritten);
    }

    @Test
    void run_compilerCrashNamesClassAndLeavesItUntouched() throws IOException {
        javac(KERNEL, TestClasses.kernel(KERNEL));
        compiler.crash = new IllegalStateException("boom");

        ClassDirectoryCompiler.Result result = run();

        assertTrue(result.errors().get(0).contains("failed on class com.example.Kernel"), result.errors()::toString);
        assertArrayEquals(TestClasses.kernel(KERNEL), read(KERNEL + ".class"));
        compiler.crash = null;
        assertEquals(1, run().statistics().compiled);
    }

    @Test
    void run_compileErrorsFailAndAreRetriedNextBuild() throws IOException {
        javac(KERNEL, TestClasses.kernel(KERNEL));
        compiler.diagnostics =
                List.of(new Diagnostic(Diagnostic.Severity.ERROR, "Kernel.java", 9, "loop not vectorised: reason"));

        ClassDirectoryCompiler.Result result = run();

        assertEquals(List.of("Kernel.java:9: error: loop not vectorised: reason"), result.errors());
        assertEquals(List.of("Kernel.java:9: error: loop not vectorised: reason"), log.errors);
        assertArrayEquals(TestClasses.kernel(KERNEL), read(KERNEL + ".class"));
        assertEquals(1, run().statistics().compiled);
    }

    @Test
    void run_strictFailsClassWithoutLineNumbers() throws IOException {
        javac(KERNEL, TestClasses.classFile(KERNEL, true, false, 1));

        ClassDirectoryCompiler.Result strict = run("v1", true, ClassDirectoryCompiler.Mode.REWRITE);
        ClassDirectoryCompiler.Result lenient = run("v1", false, ClassDirectoryCompiler.Mode.REWRITE);

        assertTrue(
                strict.errors().get(0).contains("com.example.Kernel: has no line numbers"), strict.errors()::toString);
        assertTrue(lenient.errors().isEmpty());
        assertEquals(1, lenient.statistics().rewritten);
    }

    @Test
    void run_inspectWritesReportsButNoClasses() throws IOException {
        javac(KERNEL, TestClasses.kernel(KERNEL));

        RunStatistics statistics =
                run("v1", false, ClassDirectoryCompiler.Mode.INSPECT).statistics();

        assertEquals(1, statistics.compiled);
        assertArrayEquals(TestClasses.kernel(KERNEL), read(KERNEL + ".class"));
        assertFalse(Files.exists(classes().resolve(KERNEL + "$StrideSimd.class")));
        assertFalse(Files.exists(root.resolve("stride/compile-state.txt")));
        assertTrue(Files.exists(root.resolve("reports/com.example.Kernel.txt")));
    }

    @Test
    void run_inspectAfterRewriteReadsStoredOriginal() throws IOException {
        javac(KERNEL, TestClasses.kernel(KERNEL));
        run();

        RunStatistics statistics =
                run("v1", false, ClassDirectoryCompiler.Mode.INSPECT).statistics();

        assertEquals(1, statistics.compiled);
        assertArrayEquals(TestClasses.kernel(KERNEL), compiler.inputs.get(1));
        assertArrayEquals(TestClasses.rewritten(KERNEL), read(KERNEL + ".class"));
    }

    @Test
    void run_removesAddedClassNoLongerProduced() throws IOException {
        javac(KERNEL, TestClasses.kernel(KERNEL));
        run();
        compiler.addHolder = false;
        javac(KERNEL, TestClasses.classFile(KERNEL, true, true, 3));

        run();

        assertFalse(Files.exists(classes().resolve(KERNEL + "$StrideSimd.class")));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void run_classThatOnlyReferencesMarkerTypeIsCompiledNormally() throws IOException {
        javac(KERNEL, TestClasses.referencingMarker(KERNEL));

        ClassDirectoryCompiler.Result result = run();

        assertTrue(result.errors().isEmpty(), result.errors()::toString);
        assertEquals(1, result.statistics().rewritten);
    }

    @Test
    void reportWriter_unknownFormatNamesKnownOnes() {
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> ReportWriter.of(root, List.of("text", "html")));

        assertEquals("unknown report format 'html'; known formats: [text, json]", error.getMessage());
    }
}
