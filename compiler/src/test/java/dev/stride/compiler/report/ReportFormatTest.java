package dev.stride.compiler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.kernels.ReductionKernels;
import dev.stride.compiler.testing.JsonCheck;
import dev.stride.compiler.testing.RewriteHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Format names, and the programmatic use of the report exactly as {@code docs/report.md} shows it. */
class ReportFormatTest {

    @Test
    void named_everyFormat_hasItsRendererAndExtension() {
        assertEquals("txt", ReportFormat.named("text", false).extension());
        assertEquals("json", ReportFormat.named("json", false).extension());
        assertInstanceOf(HtmlReportFormat.class, ReportFormat.named("html", false));
        assertEquals("html", ReportFormat.named("html", false).extension());
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> ReportFormat.named("xml", false));
        assertTrue(unknown.getMessage().contains("(text, json, html)"));
    }

    @Test
    void programmaticApi_asDocumented_rendersJsonAndHtml() {
        byte[] classFile = RewriteHarness.classBytes(ReductionKernels.class);

        ClassReport report = new StrideCompiler(CompilerOptions.defaults().compiledAt("inspect"))
                .compile(classFile)
                .report();
        String json = ReportFormat.named("json", false).render(List.of(report));
        String html = new HtmlReportFormat(false, SourceLines.under(Path.of("src/test/java"))).render(List.of(report));

        JsonCheck.parse(json);
        assertTrue(json.contains("\"compiledAt\": \"inspect\""));
        assertTrue(html.contains("<div class=\"source\">"), "the source root was found");
    }
}
