package dev.stride.compiler.report;

import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML page: inline CSS, no scripts, no external resources, so it can be opened
 * from disk, attached to a build or mailed. Per method: the variables and their types, the warnings, and the loops
 * coloured by verdict (vectorised green, outer-loop vectorised teal, parallel blue, left to C2 grey, rejected
 * orange) with the
 * reason and detail beside them. When {@link SourceLines} finds the source file, the method's code follows, each
 * loop's lines (from {@link LoopReport#line()} to its closing brace, at least to {@link LoopReport#endLine()}) in its verdict's colour and the line a
 * rejection points at marked with the detail.
 *
 * <p>Every text from the report or the source is escaped; the page has no other dynamic content.
 */
public final class HtmlReportFormat implements ReportFormat {
    /** Background of vectorised loops: rows and source lines. Tests look for these exact colours. */
    public static final int VECTORIZED_RGB = 0xC6EFC6;
    /** Background of outer-loop vectorised loops and the inner loops they cover. */
    public static final int OUTER_VECTORIZED_RGB = 0xB5E6E0;
    /** Background of loops run in parallel chunks ({@code @Parallel} with {@code prange}). */
    public static final int PARALLEL_RGB = 0xC9DCF7;
    /** Background of loops left to HotSpot's C2 auto-vectoriser. */
    public static final int LEFT_TO_C2_RGB = 0xE2E2E2;
    /** Background of rejected loops. */
    public static final int REJECTED_RGB = 0xFFC8A0;

    private static final String STYLE = String.format(
            Locale.ROOT, """
            body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #1d1d1d; background: #ffffff; }
            h1 { font-size: 20px; } h2 { font-size: 17px; margin-top: 32px; } h3 { font-size: 15px; }
            code, td.mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
            table { border-collapse: collapse; margin: 6px 0 12px; }
            th, td { border: 1px solid #bdbdbd; padding: 3px 8px; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; }
            section.method { border-top: 1px solid #d0d0d0; margin-top: 18px; }
            .meta { color: #555555; font-weight: normal; }
            ul.warnings { color: #8a4b00; }
            .vectorized { background: #%06x; }
            .outer-vectorized, .part-of-outer { background: #%06x; }
            .parallel { background: #%06x; }
            .left-to-c2 { background: #%06x; }
            .rejected { background: #%06x; }
            .reason { font-weight: 600; }
            td.lines { white-space: nowrap; }
            div.source { border: 1px solid #d0d0d0; padding: 4px 0; overflow-x: auto; }
            div.line { white-space: pre; padding: 0 8px; font-family: ui-monospace, Menlo, Consolas, monospace;
                       font-size: 13px; }
            div.line span.number { display: inline-block; width: 4em; color: #777777; }
            div.line span.note { font-style: italic; color: #8a2a00; }
            """, VECTORIZED_RGB, OUTER_VECTORIZED_RGB, PARALLEL_RGB, LEFT_TO_C2_RGB, REJECTED_RGB);

    private final boolean includeTimings;
    private final SourceLines sources;

    /**
     * An HTML renderer.
     *
     * @param includeTimings whether to include per-pass times
     * @param sources where to find source files; {@link SourceLines#none()} leaves the code out
     */
    public HtmlReportFormat(boolean includeTimings, SourceLines sources) {
        this.includeTimings = includeTimings;
        this.sources = sources;
    }

    @Override
    public String extension() {
        return "html";
    }

    @Override
    public String render(List<ClassReport> classes) {
        StringBuilder out =
                new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.append("<title>Stride report")
                .append(classes.size() == 1 ? ": " + escape(classes.getFirst().className()) : "")
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>Stride report</h1>\n");
        for (ClassReport report : classes) {
            classSection(out, report);
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private void classSection(StringBuilder out, ClassReport report) {
        out.append("<section class=\"class\">\n<h2><code>")
                .append(escape(report.className()))
                .append("</code>");
        if (report.sourceFile() != null) {
            out.append(" <span class=\"meta\">(")
                    .append(escape(report.sourceFile()))
                    .append(")</span>");
        }
        out.append("</h2>\n");
        if (report.methods().isEmpty()) {
            out.append("<p>No Stride-annotated methods.</p>\n");
        }
        List<String> lines = sources.of(report);
        for (MethodReport method : report.methods()) {
            methodSection(out, method, lines);
        }
        out.append("</section>\n");
    }

    private void methodSection(StringBuilder out, MethodReport method, List<String> lines) {
        out.append("<section class=\"method\">\n<h3><code>")
                .append(escape(TextReportFormat.signature(method)))
                .append("</code> <span class=\"meta\">")
                .append(escape(method.annotation()))
                .append(", line ")
                .append(method.line())
                .append(", compiled at ")
                .append(escape(method.compiledAt()))
                .append("</span></h3>\n");
        variables(out, method.variables());
        if (!method.warnings().isEmpty()) {
            out.append("<ul class=\"warnings\">\n");
            method.warnings()
                    .forEach(w -> out.append("<li>warning: ").append(escape(w)).append("</li>\n"));
            out.append("</ul>\n");
        }
        loops(out, method.loops());
        if (!lines.isEmpty() && method.line() > 0) { // no line numbers (javac -g:source): nothing to colour
            source(out, method, lines);
        }
        if (includeTimings) {
            out.append("<p class=\"meta\">passes:");
            for (PassTiming timing : method.timings()) {
                out.append(String.format(Locale.ROOT, " %s %.2f ms", escape(timing.pass()), timing.nanos() / 1e6));
            }
            out.append("</p>\n");
        }
        out.append("</section>\n");
    }

    private static void variables(StringBuilder out, List<VariableReport> variables) {
        out.append("<table class=\"variables\">\n<tr><th>variable</th><th>type</th><th>declared</th></tr>\n");
        for (VariableReport v : variables) {
            out.append("<tr><td class=\"mono\">")
                    .append(escape(v.name()))
                    .append("</td><td class=\"mono\">")
                    .append(escape(v.type()))
                    .append("</td><td>")
                    .append(v.parameter() ? "parameter" : "line " + v.line())
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void loops(StringBuilder out, List<LoopReport> loops) {
        if (loops.isEmpty()) {
            out.append("<p>No loops.</p>\n");
            return;
        }
        out.append("<table class=\"loops\">\n<tr><th>loop</th><th>lines</th><th>verdict</th><th>why</th></tr>\n");
        for (LoopReport loop : loops) {
            out.append("<tr class=\"")
                    .append(loop.verdict().kind())
                    .append("\"><td class=\"mono\">")
                    .append(escape(loop.id()))
                    .append("</td><td class=\"lines\">")
                    .append(loop.line())
                    .append(loop.endLine() > loop.line() ? "&ndash;" + loop.endLine() : "")
                    .append("</td><td>")
                    .append(escape(title(loop.verdict())))
                    .append("</td><td>");
            explanation(out, loop.verdict());
            if (!loop.induction().isEmpty()) {
                out.append("<br>induction ").append(escape(loop.induction()));
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    /** The verdict in a few words, as the loop table and the source line tooltips show it. */
    private static String title(LoopVerdict verdict) {
        return switch (verdict) {
            case LoopVerdict.Vectorized v ->
                (v.outerLoop() ? "outer-loop vectorised " : "vectorised ") + v.lanes() + " x " + v.elementType() + " ("
                        + v.bits() + "-bit)";
            case LoopVerdict.Parallel p -> "parallel";
            case LoopVerdict.LeftToC2 c2 -> "left to C2";
            case LoopVerdict.Rejected r ->
                (r.parallel() ? "not parallelised" : "not vectorised") + " (line " + r.line() + ")";
            case LoopVerdict.PartOfOuter p -> "part of " + p.enclosingLoopId();
        };
    }

    private static void explanation(StringBuilder out, LoopVerdict verdict) {
        switch (verdict) {
            case LoopVerdict.Vectorized v -> {
                out.append(escape(v.shape()));
                v.reductions().forEach(r -> reduction(out, r));
                if (!v.hoisted().isEmpty()) {
                    out.append("<br>hoisted: ").append(escape(String.join(", ", v.hoisted())));
                }
                v.checks().forEach(c -> out.append("<br>check: ").append(escape(c)));
            }
            case LoopVerdict.Parallel p -> {
                out.append(escape(p.chunking())).append("<br>threads: ").append(escape(p.threads()));
                p.reductions().forEach(r -> reduction(out, r));
                out.append("<br>chunk body: ").append(escape(p.body()));
                p.checks().forEach(c -> out.append("<br>check: ").append(escape(c)));
                p.assumptions().forEach(a -> out.append("<br>trusted: ").append(escape(a)));
                p.serialNested()
                        .forEach(n -> out.append("<br>nested prange loop ")
                                .append(escape(n))
                                .append(" runs serially inside each chunk"));
            }
            case LoopVerdict.LeftToC2 c2 -> out.append(escape(c2.why()));
            case LoopVerdict.Rejected r ->
                out.append("<span class=\"reason\">")
                        .append(escape(r.reason().name()))
                        .append("</span>: ")
                        .append(escape(r.reason().sentence()))
                        .append("<br>")
                        .append(escape(r.detail()));
            case LoopVerdict.PartOfOuter p ->
                out.append("covered by the SIMD code of ").append(escape(p.enclosingLoopId()));
        }
    }

    private static void reduction(StringBuilder out, ReductionReport r) {
        out.append("<br>reduction <code>")
                .append(escape(r.variable() + " " + r.operator()))
                .append("</code> (")
                .append(escape(r.type()))
                .append(", identity ")
                .append(escape(r.identity()))
                .append(", ")
                .append(r.exactness())
                .append(')');
    }

    private static void source(StringBuilder out, MethodReport method, List<String> lines) {
        MethodSourceRange range = MethodSourceRange.of(lines, method);
        out.append("<div class=\"source\">\n");
        for (int line = range.first(); line <= range.last(); line++) {
            LoopReport loop = innermostLoopAt(method.loops(), lines, line);
            out.append("<div class=\"line");
            if (loop != null) {
                out.append(' ')
                        .append(loop.verdict().kind())
                        .append("\" title=\"")
                        .append(escape(loop.id() + ": " + title(loop.verdict())));
            }
            out.append("\"><span class=\"number\">")
                    .append(line)
                    .append("</span>")
                    .append(escape(lines.get(line - 1)));
            for (LoopReport rejected : method.loops()) {
                if (rejected.verdict() instanceof LoopVerdict.Rejected r && r.line() == line) {
                    out.append("  <span class=\"note\">&larr; ")
                            .append(escape(rejected.id() + ": " + r.detail()))
                            .append("</span>");
                }
            }
            out.append("</div>\n");
        }
        out.append("</div>\n");
    }

    /**
     * The loop with the smallest line range (header to closing brace) that covers a line, so nested loops show
     * their own colour.
     */
    private static LoopReport innermostLoopAt(List<LoopReport> loops, List<String> lines, int line) {
        LoopReport best = null;
        int bestSize = Integer.MAX_VALUE;
        for (LoopReport loop : loops) {
            int end = MethodSourceRange.loopEnd(lines, loop);
            if (loop.line() <= line && line <= end && end - loop.line() <= bestSize) {
                best = loop;
                bestSize = end - loop.line();
            }
        }
        return best;
    }

    /**
     * Escapes text for HTML element content and double- or single-quoted attribute values.
     *
     * @param text any text, or null
     * @return the text with {@code & < > " '} replaced by character references ({@code ""} for null)
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
