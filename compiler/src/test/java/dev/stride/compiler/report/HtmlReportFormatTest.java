package dev.stride.compiler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.kernels.RejectedKernels;
import dev.stride.compiler.testing.RewriteHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HTML report: a golden page for one corpus class (with its source shown), and the escaping of every text that
 * comes from class files or sources. Regenerate the golden page with {@code -Dstride.golden.update=true} and review
 * it in a browser.
 */
class HtmlReportFormatTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/RejectedKernels.html");
    private static final Path TEST_SOURCES = Path.of("src/test/java");

    @Test
    void render_rejectedKernelsWithSource_matchesGoldenPage() throws IOException {
        ClassReport report =
                RewriteHarness.compile(RejectedKernels.class).rewrite().report();

        String actual = new HtmlReportFormat(false, SourceLines.under(TEST_SOURCES)).render(List.of(report));

        if (Boolean.getBoolean("stride.golden.update")) {
            Files.writeString(GOLDEN, actual);
        }
        assertTrue(Files.exists(GOLDEN), "missing golden file " + GOLDEN + " (run with -Dstride.golden.update=true)");
        assertEquals(Files.readString(GOLDEN), actual, "report differs from " + GOLDEN);
    }

    @Test
    void render_rejectedKernelsWithSource_coloursLoopLinesByVerdict() {
        ClassReport report =
                RewriteHarness.compile(RejectedKernels.class).rewrite().report();

        String html = new HtmlReportFormat(false, SourceLines.under(TEST_SOURCES)).render(List.of(report));

        assertTrue(html.contains("<div class=\"line rejected\" title=\"L1: not vectorised (line 12)\">"
                + "<span class=\"number\">12</span>            a[i] = a[i] + a[i - 1];"));
        assertTrue(html.contains("<tr class=\"vectorized\"><td class=\"mono\">L1.1</td>"));
        assertFalse(html.contains("<script"), "the page needs no scripts");
        assertFalse(html.contains("http"), "the page loads nothing from anywhere");
    }

    @Test
    void render_withoutSource_showsNoCode() {
        ClassReport report =
                RewriteHarness.compile(RejectedKernels.class).rewrite().report();

        String html = ReportFormat.named("html", false).render(List.of(report));

        assertFalse(html.contains("class=\"source\""));
        assertTrue(html.contains("LOOP_CARRIED_ARRAY_DEPENDENCE"));
    }

    @Test
    void render_hostileNames_areEscaped() {
        LoopReport loop = new LoopReport(
                "L1",
                3,
                3,
                new LoopVerdict.Rejected(RejectionReason.UNSUPPORTED_CALL, 3, "calls <b>x</b> & \"y\"", false));
        MethodReport method = new MethodReport(
                "m",
                "()V",
                3,
                "@Jit(note = \"</span><script>alert(1)</script>\")",
                List.of(new VariableReport("a<i>", 0, "List<String>", 3, true)),
                List.of("line 3: 'quoted' & <warned>"),
                List.of(loop),
                List.of(),
                "inspect");
        ClassReport report = new ClassReport("p.C<T>", "C.java", List.of(method));
        SourceLines source = r -> List.of("class C {", "  void m() {", "    for (;;) { x(\"<&>\"); }", "  }", "}");

        String html = new HtmlReportFormat(false, source).render(List.of(report));

        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<b>x</b>"));
        assertFalse(html.contains("a<i>"));
        assertTrue(html.contains("&lt;/span&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("calls &lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;"));
        assertTrue(html.contains("List&lt;String&gt;"));
        assertTrue(html.contains("&#39;quoted&#39; &amp; &lt;warned&gt;"));
        assertTrue(html.contains("x(&quot;&lt;&amp;&gt;&quot;)"));
        assertTrue(html.contains("p.C&lt;T&gt;"));
    }

    @Test
    void escape_everySpecialCharacter_isReplaced() {
        String escaped = HtmlReportFormat.escape("<a href='x'>\"&\"</a>");

        assertEquals("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;", escaped);
        assertEquals("", HtmlReportFormat.escape(null));
    }
}
