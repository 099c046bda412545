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
     * The format for a name.
     *
     * @param name {@code text} or {@code json}
     * @param includeTimings whether to include per-pass times (golden files leave them out)
     * @return the renderer
     */
    static ReportFormat named(String name, boolean includeTimings) {
        return switch (name) {
            case "text", "txt" -> new TextReportFormat(includeTimings);
            case "json" -> new JsonReportFormat(includeTimings);
            default -> throw new IllegalArgumentException("unknown report format '" + name + "' (text, json)");
        };
    }
}
