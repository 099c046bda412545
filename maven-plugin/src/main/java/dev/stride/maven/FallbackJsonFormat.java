package dev.stride.maven;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.Diagnostic;
import dev.stride.compiler.report.ClassReport;
import dev.stride.compiler.report.LoopReport;
import dev.stride.compiler.report.MethodReport;
import java.util.List;
import java.util.function.Function;

/**
 * A small JSON report for tools: the class, each method's loops with their verdict kind and description, and the
 * diagnostics. A stop-gap until the compiler's own JSON renderer exists; field names follow the report records.
 */
final class FallbackJsonFormat implements ReportFormat {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public String render(ClassRewrite rewrite) {
        ClassReport report = rewrite.report();
        return "{\n  \"className\": " + quote(report.className())
                + ",\n  \"sourceFile\": " + quote(report.sourceFile())
                + ",\n  \"rewritten\": " + rewrite.changed()
                + ",\n  \"methods\": " + array(report.methods(), FallbackJsonFormat::method)
                + ",\n  \"diagnostics\": " + array(rewrite.diagnostics(), FallbackJsonFormat::diagnostic)
                + "\n}\n";
    }

    private static String method(MethodReport method) {
        return "{\"name\": " + quote(method.name()) + ", \"descriptor\": " + quote(method.descriptor())
                + ", \"annotation\": " + quote(method.annotation()) + ", \"compiledAt\": " + quote(method.compiledAt())
                + ", \"loops\": " + array(method.loops(), FallbackJsonFormat::loop) + "}";
    }

    private static String loop(LoopReport loop) {
        return "{\"id\": " + quote(loop.id()) + ", \"line\": " + loop.line() + ", \"verdict\": "
                + quote(loop.verdict().kind()) + ", \"detail\": " + quote(FallbackTextFormat.describe(loop.verdict()))
                + "}";
    }

    private static String diagnostic(Diagnostic diagnostic) {
        return "{\"severity\": " + quote(diagnostic.severity().name()) + ", \"sourceFile\": "
                + quote(diagnostic.sourceFile()) + ", \"line\": " + diagnostic.line() + ", \"message\": "
                + quote(diagnostic.message()) + "}";
    }

    private static <T> String array(List<T> items, Function<T, String> render) {
        return items.stream().map(render).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
