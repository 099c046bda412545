package dev.stride.compiler.cli;

import dev.stride.compiler.ClassLibrary;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.InvalidClassFileException;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.report.ClassReport;
import dev.stride.compiler.report.MethodReport;
import dev.stride.compiler.report.ReportFormat;
import dev.stride.compiler.report.SourceLines;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./stride --inspect <class name | .class file | jar | directory>... [--format text|json|html] [--method
 * NAME] [--source DIR] [--classpath PATH]}: prints what Stride deduced and decided for every annotated method.
 * With {@code --format html} and {@code --source DIR}, the page also shows each method's code with its loops
 * coloured by verdict ({@code DIR/<package path>/<SourceFile>}; classes whose source is missing show none).
 *
 * <p>Classes already rewritten by the build are reported from their stored originals, so the report describes
 * the code the user wrote. Exit codes: 0 success, 2 bad arguments or unreadable input.
 */
public final class InspectCommand {

    private InspectCommand() {}

    /**
     * Entry point.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command.
     *
     * @param args the command line
     * @param out where the report goes
     * @param err where errors go
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        InspectArguments arguments;
        try {
            arguments = InspectArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("stride --inspect: " + e.getMessage());
            err.println(InspectArguments.USAGE);
            return 2;
        }
        if (arguments.help()) {
            out.println(InspectArguments.USAGE);
            return 0;
        }
        try {
            SourceLines sources = sources(arguments);
            List<ClassReport> reports = reports(arguments);
            out.print(ReportFormat.named(arguments.format(), true, sources).render(reports));
            return 0;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | InvalidClassFileException e) {
            err.println("stride --inspect: " + e.getMessage());
            return 2;
        }
    }

    /** The reports of the annotated classes among the targets, filtered to {@code --method} when given. */
    private static List<ClassReport> reports(InspectArguments arguments) throws IOException {
        List<ClassReport> reports = new ArrayList<>();
        StrideCompiler compiler = new StrideCompiler(CompilerOptions.defaults().compiledAt("inspect"));
        ClassLibrary library = ClassInputs.library(arguments.targets(), arguments.classpath());
        for (ClassInput input : ClassInputs.resolve(arguments.targets(), arguments.classpath())) {
            ClassReport report;
            try {
                if (!StrideCompiler.hasStrideAnnotations(input.bytes()) && !arguments.includeAll()) {
                    continue;
                }
                report = compiler.compile(input.bytes(), library).report();
                if (input.rewrittenAtBuild()) {
                    report = compiledAtBuild(report);
                }
            } catch (InvalidClassFileException e) {
                throw new InvalidClassFileException(input.origin() + ": " + e.getMessage(), e);
            }
            if (arguments.method() == null) {
                reports.add(report);
            } else if (hasMethod(report, arguments.method())) {
                reports.add(onlyMethod(report, arguments.method()));
            }
        }
        String targets = String.join(" ", arguments.targets());
        if (reports.isEmpty() && arguments.method() != null) {
            throw new IllegalArgumentException(
                    "no @Jit, @Vectorize or @Parallel method named " + arguments.method() + " in " + targets);
        }
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no class with @Jit, @Vectorize or @Parallel methods in " + targets);
        }
        return reports;
    }

    /**
     * A class the build rewrote is re-analysed from its stored original by the same compiler, so the verdicts are
     * the build's: the report says so instead of "compiled at inspect".
     */
    private static ClassReport compiledAtBuild(ClassReport report) {
        List<MethodReport> methods = report.methods().stream()
                .map(m -> new MethodReport(
                        m.name(),
                        m.descriptor(),
                        m.line(),
                        m.annotation(),
                        m.variables(),
                        m.warnings(),
                        m.loops(),
                        m.timings(),
                        "build"))
                .toList();
        return new ClassReport(report.className(), report.sourceFile(), methods);
    }

    private static SourceLines sources(InspectArguments arguments) {
        if (arguments.sourceRoot() == null) {
            return SourceLines.none();
        }
        Path root = Path.of(arguments.sourceRoot());
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("--source " + root + " is not a directory");
        }
        return SourceLines.under(root);
    }

    private static boolean hasMethod(ClassReport report, String method) {
        return report.methods().stream().anyMatch(m -> m.name().equals(method));
    }

    private static ClassReport onlyMethod(ClassReport report, String method) {
        return new ClassReport(
                report.className(),
                report.sourceFile(),
                report.methods().stream().filter(m -> m.name().equals(method)).toList());
    }
}
