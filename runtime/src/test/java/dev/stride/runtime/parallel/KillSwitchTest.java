package dev.stride.runtime.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The kill switch end to end. The configuration is read once per JVM, so the check runs {@link Probe} in a fresh
 * JVM started with {@code -Dstride.disable=true} and reads what it printed.
 */
class KillSwitchTest {

    @Test
    void forRange_killSwitchOn_runsOnceOnTheCallingThread() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-Dstride.disable=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Probe.class.getName())
                .redirectErrorStream(true)
                .start();

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals("calls=1 sameThread=true disabled=2 parallel=0 sum=499500", output);
    }

    /** Runs a loop that would be parallel, and prints where and how it ran. */
    static final class Probe {
        private Probe() {}

        public static void main(String[] args) {
            Thread caller = Thread.currentThread();
            int[] calls = {0};
            boolean[] sameThread = {true};

            ParallelLoops.forRange(0, 1_000_000, 1, 4, (lo, hi) -> {
                calls[0]++;
                sameThread[0] &= Thread.currentThread() == caller;
            });
            long sum = ParallelLoops.reduceLong(0, 1000, 1, 4, ReductionOperator.SUM, 0, (lo, hi, acc) -> {
                for (int i = lo; i < hi; i++) {
                    acc += i;
                }
                return acc;
            });

            LoopCounters counters = ParallelLoops.counters();
            System.out.println("calls=" + calls[0] + " sameThread=" + sameThread[0] + " disabled="
                    + counters.serialDisabled() + " parallel=" + counters.parallel() + " sum=" + sum);
        }
    }
}
