package dev.stride.compiler.report;

import java.util.List;

/** Renders reports as text of some format. Renderers only format; every fact comes from the report records. */
public interface ReportFormat {

    /**
     * Renders the reports of several classes.
     *
     * @param classes the class reports
     * @return the rendered document
     */
    String render(List<ClassReport> classes);

    /** @return the file extension of the format, without the dot */
    String extension();

    /**
     * The format for a name, without source code.
     *
     * @param name {@code text}, {@code json} or {@code html}
     * @param includeTimings whether to include per-pass times (golden files leave them out)
     * @return the renderer
     */
    static ReportFormat named(String name, boolean includeTimings) {
        return named(name, includeTimings, SourceLines.none());
    }

    /**
     * The format for a name.
     *
     * @param name {@code text}, {@code json} or {@code html}
     * @param includeTimings whether to include per-pass times (golden files leave them out)
     * @param sources where formats that show code (HTML) find source files
     * @return the renderer
     */
    static ReportFormat named(String name, boolean includeTimings, SourceLines sources) {
        return switch (name) {
            case "text", "txt" -> new TextReportFormat(includeTimings);
            case "json" -> new JsonReportFormat(includeTimings);
            case "html" -> new HtmlReportFormat(includeTimings, sources);
            default -> throw new IllegalArgumentException("unknown report format '" + name + "' (text, json, html)");
        };
    }
}
