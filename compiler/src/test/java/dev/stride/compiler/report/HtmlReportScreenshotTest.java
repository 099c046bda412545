package dev.stride.compiler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.kernels.ReductionKernels;
import dev.stride.compiler.testing.RewriteHarness;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders an HTML report in headless Chromium and checks the screenshot: the page must really show the verdict
 * colours (a vectorised row green, a rejected row orange) from a file URL with no server, and no colour of a verdict
 * the report does not contain. Reading the string is not enough: a broken stylesheet or an unclosed tag renders
 * wrong while the text still contains every class name.
 *
 * <p>Skipped (not failed) when no Chromium is installed: set {@code STRIDE_CHROMIUM} to a binary, or install one
 * ({@code apt-get install -y chromium} on Debian; see {@code docs/report.md}).
 */
class HtmlReportScreenshotTest {
    private static final List<String> CANDIDATES =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome");
    private static final int TOLERANCE = 3;

    @Test
    void screenshot_reductionKernels_showsVectorisedAndRejectedRowColours(@TempDir Path temp) throws Exception {
        Optional<Path> chromium = findChromium();
        Assumptions.assumeTrue(
                chromium.isPresent(),
                "no Chromium found (looked for $STRIDE_CHROMIUM and " + CANDIDATES + " on PATH): install it with"
                        + " 'apt-get install -y chromium' to run this test");
        ClassReport report =
                RewriteHarness.compile(ReductionKernels.class).rewrite().report();
        Path page = temp.resolve("report.html");
        Files.writeString(
                page,
                new HtmlReportFormat(false, SourceLines.under(Path.of("src/test/java"))).render(List.of(report)),
                StandardCharsets.UTF_8);

        BufferedImage image = screenshot(chromium.get(), page, temp);

        assertEquals(1200, image.getWidth());
        assertTrue(pixels(image, HtmlReportFormat.VECTORIZED_RGB) > 1000, "no vectorised (green) rows rendered");
        assertTrue(pixels(image, HtmlReportFormat.REJECTED_RGB) > 1000, "no rejected (orange) rows rendered");
        assertEquals(0, pixels(image, HtmlReportFormat.OUTER_VECTORIZED_RGB), "teal, but no loop is outer-vectorised");
    }

    private static BufferedImage screenshot(Path chromium, Path page, Path temp)
            throws IOException, InterruptedException {
        Path png = temp.resolve("report.png");
        List<String> command = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--user-data-dir=" + temp.resolve("profile"),
                "--screenshot=" + png,
                "--window-size=1200,1600",
                page.toUri().toString()));
        Path log = temp.resolve("chromium.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 120 s: " + Files.readString(log));
        }
        assertTrue(
                Files.exists(png),
                "Chromium wrote no screenshot (exit " + process.exitValue() + "): " + Files.readString(log));
        return ImageIO.read(png.toFile());
    }

    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(image.getRGB(x, y), rgb)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean near(int actual, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((actual >> shift) & 0xFF) - ((expected >> shift) & 0xFF)) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Path> findChromium() {
        String configured = System.getenv("STRIDE_CHROMIUM");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .flatMap(dir -> CANDIDATES.stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
