package dev.stride.compiler.pipeline;

import dev.stride.compiler.report.PassTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Runs compiler passes one by one and records how long each took, for the report. */
public final class PassTimer {
    private final List<PassTiming> timings = new ArrayList<>();

    /**
     * Runs a pass.
     *
     * @param name the pass name shown in reports
     * @param pass the pass
     * @param <T> its result type
     * @return its result
     */
    public <T> T run(String name, Supplier<T> pass) {
        long start = System.nanoTime();
        try {
            return pass.get();
        } finally {
            timings.add(new PassTiming(name, System.nanoTime() - start));
        }
    }

    /** @return the timings so far, in order */
    public List<PassTiming> timings() {
        return List.copyOf(timings);
    }
}
