package dev.stride.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code stride-agent.jar} in a real JVM: a kernel compiled by plain javac runs with and without the
 * agent, gives the same bits, and the agent says it examined the kernel and not the plain classes.
 */
class AgentForkedJvmIT {
    private static final String MAIN = "example.kernels.Axpy";

    record Run(int exitCode, String stdout, String stderr) {}

    @Test
    void agent_examinesKernelAndResultIsUnchanged() throws Exception {
        Path reports = Files.createTempDirectory("stride-agent-reports");

        Run plain = java(List.of());
        Run agent = java(List.of("-javaagent:" + property("stride.agent.jar") + "=verbose,report=" + reports));

        assertEquals(0, plain.exitCode(), plain.stderr());
        assertEquals(0, agent.exitCode(), agent.stderr());
        assertTrue(plain.stdout().startsWith("checksum "), plain.stdout());
        assertEquals(plain.stdout(), agent.stdout());
        assertTrue(
                agent.stderr().contains("[stride-agent] examined example.kernels.Axpy: 1 annotated methods"),
                agent.stderr());
        assertTrue(Files.readString(reports.resolve("example.kernels.Axpy.txt")).contains("axpy("));
    }

    @Test
    void agent_badOptionStopsTheJvmWithTheReason() throws Exception {
        Run run = java(List.of("-javaagent:" + property("stride.agent.jar") + "=simdWidth=128"));

        assertTrue(run.exitCode() != 0);
        assertTrue(run.stderr().contains("simdWidth must be auto, 256 or 512, was '128'"), run.stderr());
    }

    private static Run java(List<String> agentArguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules=jdk.incubator.vector");
        command.addAll(agentArguments);
        command.add("-cp");
        command.add(property("stride.test.classes") + File.pathSeparator + property("stride.runtime.jar"));
        command.add(MAIN);
        Path out = Files.createTempFile("agent-it", ".out");
        Path err = Files.createTempFile("agent-it", ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        int exit = process.waitFor();
        return new Run(
                exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (run through failsafe)");
        }
        return value;
    }
}
