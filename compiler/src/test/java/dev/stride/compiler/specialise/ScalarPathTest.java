package dev.stride.compiler.specialise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run-time path where the vectoriser must not run: without {@code jdk.incubator.vector} (no Vector API class may
 * be named) and under the kill switch. Each case is a fresh JVM running {@link ScalarPathMain}, which checks the
 * fastmath {@code sum}'s specialisation is bit-identical to the sequential hand-written float sum; a vectorised sum
 * would reassociate and differ. The contrast case (module present, no kill switch) must differ, so the check can
 * fail.
 */
class ScalarPathTest {

    @Test
    void withoutVectorModule_runsSubstitutedScalarCode() throws Exception {
        assertEquals("scalar: ok", run(List.of()));
    }

    @Test
    void underKillSwitch_runsSubstitutedScalarCode() throws Exception {
        assertEquals("scalar: ok", run(List.of("--add-modules=jdk.incubator.vector", "-Dstride.disable=true")));
    }

    @Test
    void withVectorModule_vectorisesAndSoReassociates() throws Exception {
        assertTrue(run(List.of("--add-modules=jdk.incubator.vector")).startsWith("scalar: mismatch"));
    }

    private static String run(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ScalarPathMain.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.lines()
                .filter(line -> line.startsWith("scalar:"))
                .findFirst()
                .orElse(output);
    }
}
