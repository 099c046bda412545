package dev.stride.compiler.report;

import java.util.List;
import java.util.Locale;
import org.objectweb.asm.Type;

/** The human-readable report printed by {@code ./stride --inspect}. */
public final class TextReportFormat implements ReportFormat {
    private final boolean includeTimings;

    /**
     * A text renderer.
     *
     * @param includeTimings whether to print per-pass times
     */
    public TextReportFormat(boolean includeTimings) {
        this.includeTimings = includeTimings;
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public String render(List<ClassReport> classes) {
        StringBuilder out = new StringBuilder();
        for (ClassReport report : classes) {
            out.append(report.className());
            if (report.sourceFile() != null) {
                out.append(" (").append(report.sourceFile()).append(')');
            }
            out.append('\n');
            if (report.methods().isEmpty()) {
                out.append("  no Stride-annotated methods\n");
            }
            for (MethodReport method : report.methods()) {
                method(out, method);
            }
        }
        return out.toString();
    }

    private void method(StringBuilder out, MethodReport method) {
        out.append('\n').append("  ").append(signature(method)).append("   ").append(method.annotation());
        out.append("   line ")
                .append(method.line())
                .append("   compiled at ")
                .append(method.compiledAt())
                .append('\n');
        out.append("    variables\n");
        for (VariableReport variable : method.variables()) {
            out.append(String.format(
                    Locale.ROOT,
                    "      %-12s %-12s %s%n",
                    variable.name(),
                    variable.type(),
                    variable.parameter() ? "parameter" : "line " + variable.line()));
        }
        for (String warning : method.warnings()) {
            out.append("    warning: ").append(warning).append('\n');
        }
        out.append("    loops\n");
        if (method.loops().isEmpty()) {
            out.append("      (none)\n");
        }
        for (LoopReport loop : method.loops()) {
            loop(out, loop);
        }
        if (includeTimings) {
            out.append("    passes:");
            for (PassTiming timing : method.timings()) {
                out.append(String.format(Locale.ROOT, " %s %.2f ms", timing.pass(), timing.nanos() / 1e6));
            }
            out.append('\n');
        }
    }

    static String signature(MethodReport method) {
        StringBuilder s = new StringBuilder(method.name()).append('(');
        Type[] arguments = Type.getArgumentTypes(method.descriptor());
        for (int k = 0; k < arguments.length; k++) {
            s.append(k == 0 ? "" : ", ").append(arguments[k].getClassName());
        }
        return s.append(") ")
                .append(Type.getReturnType(method.descriptor()).getClassName())
                .toString();
    }

    private static void loop(StringBuilder out, LoopReport loop) {
        String lines =
                loop.endLine() > loop.line() ? "lines " + loop.line() + "-" + loop.endLine() : "line " + loop.line();
        String head = String.format(Locale.ROOT, "      %-6s %-13s ", loop.id(), lines);
        switch (loop.verdict()) {
            case LoopVerdict.Vectorized v -> {
                out.append(head)
                        .append(v.outerLoop() ? "OUTER-LOOP VECTORISED " : "VECTORISED ")
                        .append(v.lanes())
                        .append(" x ")
                        .append(v.elementType())
                        .append(" (")
                        .append(v.bits())
                        .append("-bit): ")
                        .append(v.shape())
                        .append('\n');
                v.reductions().forEach(r -> reduction(out, r));
                if (!v.hoisted().isEmpty()) {
                    out.append("             hoisted: ")
                            .append(String.join(", ", v.hoisted()))
                            .append('\n');
                }
                for (String check : v.checks()) {
                    out.append("             check: ").append(check).append('\n');
                }
            }
            case LoopVerdict.Parallel p -> parallel(out, head, p);
            case LoopVerdict.LeftToC2 c2 ->
                out.append(head).append("LEFT TO C2: ").append(c2.why()).append('\n');
            case LoopVerdict.Rejected r ->
                out.append(head)
                        .append(r.parallel() ? "NOT PARALLELISED at line " : "NOT VECTORISED at line ")
                        .append(r.line())
                        .append(": ")
                        .append(r.detail())
                        .append("\n             reason ")
                        .append(r.reason().name())
                        .append(": ")
                        .append(r.reason().sentence())
                        .append('\n');
            case LoopVerdict.PartOfOuter p ->
                out.append(head).append("part of ").append(p.enclosingLoopId()).append('\n');
        }
        if (!loop.induction().isEmpty()) {
            out.append("             induction ").append(loop.induction()).append('\n');
        }
    }

    private static void parallel(StringBuilder out, String head, LoopVerdict.Parallel p) {
        out.append(head).append("PARALLEL: ").append(p.chunking()).append('\n');
        out.append("             threads: ").append(p.threads()).append('\n');
        p.reductions().forEach(r -> reduction(out, r));
        out.append("             chunk body: ").append(p.body()).append('\n');
        for (String check : p.checks()) {
            out.append("             check: ").append(check).append('\n');
        }
        for (String assumption : p.assumptions()) {
            out.append("             trusted: ").append(assumption).append('\n');
        }
        for (String nested : p.serialNested()) {
            out.append("             nested prange loop ").append(nested).append(" runs serially inside each chunk\n");
        }
    }

    private static void reduction(StringBuilder out, ReductionReport r) {
        out.append("             reduction ")
                .append(r.variable())
                .append(' ')
                .append(r.operator())
                .append(" (")
                .append(r.type())
                .append(", identity ")
                .append(r.identity())
                .append(", ")
                .append(r.exactness())
                .append(")\n");
    }
}
