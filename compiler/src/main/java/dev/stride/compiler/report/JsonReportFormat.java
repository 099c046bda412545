package dev.stride.compiler.report;

import java.util.List;
import java.util.Locale;

/**
 * The machine-readable report. Structure (documented in {@code docs/report.md}): an object with
 * {@code classes}, each with {@code name}, {@code source} and {@code methods}; a method has {@code name},
 * {@code descriptor}, {@code line}, {@code annotation}, {@code compiledAt}, {@code variables}, {@code warnings},
 * {@code loops} and optionally {@code passes}; a loop has {@code id}, {@code line}, {@code endLine} and
 * {@code verdict}, whose {@code kind} is one of {@code vectorized}, {@code outer-vectorized}, {@code parallel},
 * {@code left-to-c2}, {@code rejected}, {@code part-of-outer}.
 */
public final class JsonReportFormat implements ReportFormat {
    private final boolean includeTimings;

    /**
     * A JSON renderer.
     *
     * @param includeTimings whether to include per-pass times
     */
    public JsonReportFormat(boolean includeTimings) {
        this.includeTimings = includeTimings;
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public String render(List<ClassReport> classes) {
        StringBuilder out = new StringBuilder("{\"classes\": [");
        for (int k = 0; k < classes.size(); k++) {
            ClassReport report = classes.get(k);
            out.append(k == 0 ? "\n  " : ",\n  ")
                    .append("{\"name\": ")
                    .append(quote(report.className()))
                    .append(", \"source\": ")
                    .append(quote(report.sourceFile()))
                    .append(", \"methods\": [");
            for (int m = 0; m < report.methods().size(); m++) {
                out.append(m == 0 ? "\n    " : ",\n    ");
                method(out, report.methods().get(m));
            }
            out.append("]}");
        }
        return out.append("\n]}\n").toString();
    }

    private void method(StringBuilder out, MethodReport method) {
        out.append("{\"name\": ")
                .append(quote(method.name()))
                .append(", \"descriptor\": ")
                .append(quote(method.descriptor()))
                .append(", \"line\": ")
                .append(method.line())
                .append(", \"annotation\": ")
                .append(quote(method.annotation()))
                .append(", \"compiledAt\": ")
                .append(quote(method.compiledAt()))
                .append(",\n     \"variables\": [");
        for (int k = 0; k < method.variables().size(); k++) {
            VariableReport v = method.variables().get(k);
            out.append(k == 0 ? "" : ", ")
                    .append("{\"name\": ")
                    .append(quote(v.name()))
                    .append(", \"slot\": ")
                    .append(v.slot())
                    .append(", \"type\": ")
                    .append(quote(v.type()))
                    .append(", \"line\": ")
                    .append(v.line())
                    .append(", \"parameter\": ")
                    .append(v.parameter())
                    .append('}');
        }
        out.append("],\n     \"warnings\": [");
        for (int k = 0; k < method.warnings().size(); k++) {
            out.append(k == 0 ? "" : ", ").append(quote(method.warnings().get(k)));
        }
        out.append("],\n     \"loops\": [");
        for (int k = 0; k < method.loops().size(); k++) {
            LoopReport loop = method.loops().get(k);
            out.append(k == 0 ? "" : ",")
                    .append("\n       {\"id\": ")
                    .append(quote(loop.id()))
                    .append(", \"line\": ")
                    .append(loop.line())
                    .append(", \"endLine\": ")
                    .append(loop.endLine())
                    .append(", \"induction\": ")
                    .append(quote(loop.induction()))
                    .append(", \"verdict\": ");
            verdict(out, loop.verdict());
            out.append('}');
        }
        out.append(']');
        if (includeTimings) {
            out.append(",\n     \"passes\": {");
            for (int k = 0; k < method.timings().size(); k++) {
                PassTiming t = method.timings().get(k);
                out.append(k == 0 ? "" : ", ")
                        .append(quote(t.pass()))
                        .append(": ")
                        .append(String.format(Locale.ROOT, "%.3f", t.nanos() / 1e6));
            }
            out.append('}');
        }
        out.append('}');
    }

    private static void verdict(StringBuilder out, LoopVerdict verdict) {
        out.append("{\"kind\": ").append(quote(verdict.kind()));
        switch (verdict) {
            case LoopVerdict.Vectorized v -> {
                out.append(", \"elementType\": ")
                        .append(quote(v.elementType()))
                        .append(", \"lanes\": ")
                        .append(v.lanes())
                        .append(", \"bits\": ")
                        .append(v.bits())
                        .append(", \"shape\": ")
                        .append(quote(v.shape()))
                        .append(", \"reductions\": ");
                reductions(out, v.reductions());
                out.append(", \"hoisted\": ");
                strings(out, v.hoisted());
                out.append(", \"checks\": ");
                strings(out, v.checks());
            }
            case LoopVerdict.Parallel p -> {
                out.append(", \"chunking\": ")
                        .append(quote(p.chunking()))
                        .append(", \"threads\": ")
                        .append(quote(p.threads()))
                        .append(", \"reductions\": ");
                reductions(out, p.reductions());
                out.append(", \"body\": ").append(quote(p.body())).append(", \"checks\": ");
                strings(out, p.checks());
                out.append(", \"assumptions\": ");
                strings(out, p.assumptions());
                out.append(", \"serialNested\": ");
                strings(out, p.serialNested());
            }
            case LoopVerdict.LeftToC2 c2 -> out.append(", \"why\": ").append(quote(c2.why()));
            case LoopVerdict.Rejected r ->
                out.append(", \"reason\": ")
                        .append(quote(r.reason().name()))
                        .append(", \"line\": ")
                        .append(r.line())
                        .append(", \"detail\": ")
                        .append(quote(r.detail()))
                        .append(", \"sentence\": ")
                        .append(quote(r.reason().sentence()))
                        .append(", \"parallel\": ")
                        .append(r.parallel());
            case LoopVerdict.PartOfOuter p ->
                out.append(", \"enclosingLoop\": ").append(quote(p.enclosingLoopId()));
        }
        out.append('}');
    }

    private static void reductions(StringBuilder out, List<ReductionReport> reductions) {
        out.append('[');
        for (int k = 0; k < reductions.size(); k++) {
            ReductionReport r = reductions.get(k);
            out.append(k == 0 ? "" : ", ")
                    .append("{\"variable\": ")
                    .append(quote(r.variable()))
                    .append(", \"operator\": ")
                    .append(quote(r.operator()))
                    .append(", \"type\": ")
                    .append(quote(r.type()))
                    .append(", \"identity\": ")
                    .append(quote(r.identity()))
                    .append(", \"reassociated\": ")
                    .append(r.reassociated())
                    .append(r.optIn().equals(ReductionReport.SELECT_UNDER_FASTMATH) ? ", \"select\": true" : "")
                    .append('}');
        }
        out.append(']');
    }

    private static void strings(StringBuilder out, List<String> values) {
        out.append('[');
        for (int k = 0; k < values.size(); k++) {
            out.append(k == 0 ? "" : ", ").append(quote(values.get(k)));
        }
        out.append(']');
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
