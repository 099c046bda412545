package dev.stride.maven;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.Diagnostic;
import java.util.List;

/**
 * Adapts the compiler's own renderers ({@code dev.stride.compiler.report.ReportFormat}) to the plugin's report
 * files. Per-pass timings are left out so that two builds of the same sources write byte-identical reports; the
 * timings are in {@code ./stride --inspect}. The text form ends with the diagnostics of the class.
 */
final class CompilerReportFormat implements ReportFormat {
    private final String name;
    private final dev.stride.compiler.report.ReportFormat renderer;

    CompilerReportFormat(String name) {
        this.name = name;
        this.renderer = dev.stride.compiler.report.ReportFormat.named(name, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String fileExtension() {
        return renderer.extension();
    }

    @Override
    public String render(ClassRewrite rewrite) {
        String report = renderer.render(List.of(rewrite.report()));
        if (!name.equals("text") || rewrite.diagnostics().isEmpty()) {
            return report;
        }
        StringBuilder out = new StringBuilder(report).append("\ndiagnostics\n");
        for (Diagnostic diagnostic : rewrite.diagnostics()) {
            out.append("  ").append(diagnostic.format()).append('\n');
        }
        return out.toString();
    }
}
