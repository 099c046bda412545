package dev.stride.maven;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.Diagnostic;
import dev.stride.compiler.report.ClassReport;
import dev.stride.compiler.report.LoopReport;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.MethodReport;

/**
 * A plain-text report: one block per annotated method with each loop's verdict, then the diagnostics in
 * {@code File.java:line: severity: message} form. A stop-gap until the compiler's own text renderer exists.
 */
final class FallbackTextFormat implements ReportFormat {

    @Override
    public String name() {
        return "text";
    }

    @Override
    public String fileExtension() {
        return "txt";
    }

    @Override
    public String render(ClassRewrite rewrite) {
        ClassReport report = rewrite.report();
        StringBuilder text = new StringBuilder();
        text.append("class ").append(report.className());
        if (report.sourceFile() != null) {
            text.append(" (").append(report.sourceFile()).append(')');
        }
        text.append(rewrite.changed() ? ": rewritten" : ": unchanged").append('\n');
        for (MethodReport method : report.methods()) {
            appendMethod(text, method);
        }
        for (Diagnostic diagnostic : rewrite.diagnostics()) {
            text.append(diagnostic.format()).append('\n');
        }
        return text.toString();
    }

    private static void appendMethod(StringBuilder text, MethodReport method) {
        text.append("  ")
                .append(method.annotation())
                .append(' ')
                .append(method.name())
                .append(method.descriptor())
                .append(" (compiled at ")
                .append(method.compiledAt())
                .append(", ")
                .append(method.loops().size())
                .append(" loops)\n");
        for (LoopReport loop : method.loops()) {
            text.append("    ")
                    .append(loop.id())
                    .append(" line ")
                    .append(loop.line())
                    .append(": ")
                    .append(describe(loop.verdict()))
                    .append('\n');
        }
    }

    static String describe(LoopVerdict verdict) {
        return switch (verdict) {
            case LoopVerdict.Vectorized v ->
                v.kind() + ", " + v.lanes() + " x " + v.elementType() + " (" + v.bits() + " bits)";
            case LoopVerdict.Parallel p -> p.kind() + " (chunk body: " + p.body() + ")";
            case LoopVerdict.LeftToC2 c2 -> c2.kind() + ": " + c2.why();
            case LoopVerdict.Rejected r ->
                r.kind() + " at line " + r.line() + ": " + r.reason().sentence() + " (" + r.detail() + ")";
            case LoopVerdict.PartOfOuter outer -> outer.kind() + " " + outer.enclosingLoopId();
        };
    }
}
