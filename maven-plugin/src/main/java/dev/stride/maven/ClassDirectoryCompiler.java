package dev.stride.maven;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.Diagnostic;
import dev.stride.compiler.InvalidClassFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.plugin.logging.Log;

/**
 * One Stride run over a class directory: the whole of the plugin's work, independent of Maven's mojo plumbing.
 *
 * <p>The algorithm, per class file in path order:
 *
 * <ol>
 *   <li>Skip it when its bytes are what the last run with the same fingerprint left there ({@link BuildState}).
 *   <li>Choose the compiler's input: javac's fresh output, or, for a class an earlier run rewrote, the stored
 *       original ({@code META-INF/stride/original/...}), so a rewritten class is never rewritten again.
 *   <li>Ask the cheap question first ({@code hasStrideAnnotations}); compile only annotated classes.
 *   <li>Log diagnostics, write the reports, then (rewrite mode) write added classes and resources before the
 *       class itself, each only when its bytes differ, and record input and output hashes.
 * </ol>
 *
 * <p>A class with errors, an unreadable class file or a compiler crash leaves the class file untouched and
 * unrecorded (so the next build tries again) and becomes an error in the result; the rest of the directory is
 * still processed so one build shows every problem. Files an earlier run wrote and this run no longer produces
 * are deleted.
 */
final class ClassDirectoryCompiler {

    /** Whether the run writes classes or only reports ({@code stride:inspect}). */
    enum Mode {
        REWRITE,
        INSPECT
    }

    /**
     * Where and how to run.
     *
     * @param classesDirectory the directory javac wrote
     * @param stateFile the build state of this directory (read in both modes, written only when rewriting)
     * @param fingerprint Stride version, compiler hash and options, see {@link BuildState}
     * @param strict whether plugin-level problems (no line numbers) are errors rather than warnings
     * @param keepOriginals whether to store the original of a rewritten class when the compiler did not
     * @param mode rewrite or inspect
     */
    record Settings(
            Path classesDirectory,
            Path stateFile,
            String fingerprint,
            boolean strict,
            boolean keepOriginals,
            Mode mode) {}

    /**
     * The outcome of a run.
     *
     * @param statistics counts and times
     * @param errors one line per problem that fails the build, naming the class or file
     */
    record Result(RunStatistics statistics, List<String> errors) {}

    private final Settings settings;
    private final KernelCompiler compiler;
    private final ClassNameFilter filter;
    private final ReportWriter reports;
    private final Log log;
    private final RunStatistics statistics = new RunStatistics();
    private final List<String> errors = new ArrayList<>();
    private final Set<String> retained = new HashSet<>();
    private BuildState previous;
    private BuildState next;

    ClassDirectoryCompiler(
            Settings settings, KernelCompiler compiler, ClassNameFilter filter, ReportWriter reports, Log log) {
        this.settings = settings;
        this.compiler = compiler;
        this.filter = filter;
        this.reports = reports;
        this.log = log;
    }

    Result run() throws IOException {
        long start = System.nanoTime();
        previous = BuildState.read(settings.stateFile());
        next = BuildState.empty(settings.fingerprint());
        for (String path : ClassFiles.list(settings.classesDirectory())) {
            visit(path);
        }
        if (settings.mode() == Mode.REWRITE) {
            removeNoLongerProduced();
            next.write(settings.stateFile());
        }
        statistics.totalNanos = System.nanoTime() - start;
        return new Result(statistics, List.copyOf(errors));
    }

    private void visit(String path) throws IOException {
        byte[] current = Files.readAllBytes(settings.classesDirectory().resolve(path));
        String hash = Hashes.sha256(current);
        BuildState.Entry before = previous.entries().get(path);
        if (before != null
                && before.kind() == BuildState.Kind.ADDED
                && before.outputHash().equals(hash)) {
            return; // written by Stride for another class; recorded again through its owner
        }
        if (!filter.accepts(ClassFiles.internalName(path).replace('/', '.'))) {
            statistics.excluded++;
            return;
        }
        statistics.scanned++;
        if (settings.mode() == Mode.REWRITE && isUpToDate(before, hash)) {
            carryOver(path, before);
            statistics.unchanged++;
            return;
        }
        compileIfAnnotated(path, current, hash, before);
    }

    private boolean isUpToDate(BuildState.Entry before, String hash) {
        return before != null
                && previous.fingerprint().equals(settings.fingerprint())
                && before.outputHash().equals(hash);
    }

    private void carryOver(String path, BuildState.Entry before) {
        next.entries().put(path, before);
        for (String produced : before.produced()) {
            BuildState.Entry added = previous.entries().get(produced);
            if (added != null) {
                next.entries().put(produced, added);
            }
        }
    }

    private void compileIfAnnotated(String path, byte[] current, String hash, BuildState.Entry before)
            throws IOException {
        byte[] input = compilerInput(path, current, hash, before);
        if (input == null) {
            fail(path, before, "was rewritten by another Stride run and its original is not stored; run `mvn clean`");
            return;
        }
        boolean annotated;
        try {
            annotated = compiler.hasStrideAnnotations(input);
        } catch (InvalidClassFileException e) {
            fail(path, before, "not a readable class file: " + e.getMessage());
            return;
        }
        if (!annotated) {
            statistics.plain++;
            next.entries().put(path, new BuildState.Entry(BuildState.Kind.PLAIN, hash, hash, List.of()));
            return;
        }
        if (checkLineNumbers(path, input)) {
            compile(path, current, input, before);
        } else {
            retain(before);
        }
    }

    /**
     * The bytes to give the compiler: javac's output when the class changed since the last run, else the stored
     * original of a class this or another Stride version rewrote; null when a rewritten class has no original.
     */
    private byte[] compilerInput(String path, byte[] current, String hash, BuildState.Entry before) throws IOException {
        boolean writtenByStride = before != null && before.outputHash().equals(hash);
        if (writtenByStride && before.inputHash().equals(hash)) {
            return current; // the compiler left it unchanged last time
        }
        if (writtenByStride || ClassFiles.hasCompiledMarker(current)) {
            String original = ClassFiles.originalResource(ClassFiles.internalName(path));
            return ClassFiles.readIfPresent(settings.classesDirectory(), original);
        }
        return current;
    }

    private boolean checkLineNumbers(String path, byte[] input) {
        if (DebugInfoCheck.hasLineNumbers(input)) {
            return true;
        }
        String message = ClassFiles.internalName(path).replace('/', '.')
                + ": has no line numbers (compiled with -g:none or debug=false), so loop verdicts cannot be"
                + " located; strict mode needs them: compile with debug information";
        if (!settings.strict()) {
            log.warn(message);
            return true;
        }
        log.error(message);
        errors.add(message);
        statistics.failed++;
        return false;
    }

    private void compile(String path, byte[] current, byte[] input, BuildState.Entry before) throws IOException {
        String className = ClassFiles.internalName(path).replace('/', '.');
        long start = System.nanoTime();
        ClassRewrite rewrite;
        try {
            rewrite = compiler.compile(input);
        } catch (InvalidClassFileException e) {
            fail(path, before, "not a readable class file: " + e.getMessage());
            return;
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            log.debug(e);
            fail(path, before, "the Stride compiler failed on class " + className + " (class left unchanged): " + e);
            return;
        }
        long nanos = System.nanoTime() - start;
        recordTiming(className, rewrite, nanos);
        logDiagnostics(rewrite);
        reports.write(rewrite);
        if (rewrite.hasErrors()) {
            rewrite.diagnostics().stream()
                    .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                    .forEach(d -> errors.add(d.format()));
            statistics.failed++;
            retain(before);
        } else if (settings.mode() == Mode.REWRITE) {
            writeOutputs(path, current, input, rewrite);
        }
    }

    private void recordTiming(String className, ClassRewrite rewrite, long nanos) {
        int methods = rewrite.report().methods().size();
        statistics.compiled++;
        statistics.methods += methods;
        statistics.compileNanos += nanos;
        log.info(String.format(
                Locale.ROOT,
                "Stride: %s: %d annotated method%s in %.2f ms, %s",
                className,
                methods,
                methods == 1 ? "" : "s",
                nanos / 1e6,
                rewrite.changed() ? "rewritten" : "left unchanged by the compiler"));
    }

    private void logDiagnostics(ClassRewrite rewrite) {
        for (Diagnostic diagnostic : rewrite.diagnostics()) {
            switch (diagnostic.severity()) {
                case ERROR -> log.error(diagnostic.format());
                case WARNING -> log.warn(diagnostic.format());
                case NOTE -> log.info(diagnostic.format());
                default -> throw new IllegalStateException("unknown severity " + diagnostic.severity());
            }
        }
    }

    private void writeOutputs(String path, byte[] current, byte[] input, ClassRewrite rewrite) throws IOException {
        Path directory = settings.classesDirectory();
        List<String> produced = new ArrayList<>();
        for (Map.Entry<String, byte[]> added : new TreeMap<>(rewrite.addedClasses()).entrySet()) {
            String addedPath = added.getKey() + ".class";
            ClassFiles.writeIfChanged(directory, addedPath, added.getValue());
            String addedHash = Hashes.sha256(added.getValue());
            next.entries().put(addedPath, new BuildState.Entry(BuildState.Kind.ADDED, addedHash, addedHash, List.of()));
            produced.add(addedPath);
        }
        Map<String, byte[]> resources = new TreeMap<>(rewrite.resources());
        String original = ClassFiles.originalResource(ClassFiles.internalName(path));
        if (rewrite.changed() && settings.keepOriginals()) {
            resources.putIfAbsent(original, input);
        }
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            ClassFiles.writeIfChanged(directory, resource.getKey(), resource.getValue());
            produced.add(resource.getKey());
        }
        byte[] output = rewrite.changed() ? rewrite.rewrittenClass() : input;
        if (!Arrays.equals(output, current)) {
            ClassFiles.writeIfChanged(directory, path, output);
        }
        if (rewrite.changed()) {
            statistics.rewritten++;
        }
        next.entries()
                .put(
                        path,
                        new BuildState.Entry(
                                BuildState.Kind.COMPILED,
                                Hashes.sha256(input),
                                Hashes.sha256(output),
                                List.copyOf(produced)));
    }

    private void fail(String path, BuildState.Entry before, String reason) {
        String message = settings.classesDirectory().resolve(path) + ": " + reason;
        log.error(message);
        errors.add(message);
        statistics.failed++;
        retain(before);
    }

    private void retain(BuildState.Entry before) {
        if (before != null) {
            retained.addAll(before.produced());
        }
    }

    private void removeNoLongerProduced() throws IOException {
        Set<String> keep = new HashSet<>(retained);
        next.entries().values().forEach(entry -> keep.addAll(entry.produced()));
        for (BuildState.Entry entry : previous.entries().values()) {
            for (String produced : entry.produced()) {
                if (!keep.contains(produced)
                        && Files.deleteIfExists(settings.classesDirectory().resolve(produced))) {
                    log.info("Stride: removed " + produced + " (no longer produced)");
                }
            }
        }
    }
}
