package dev.stride.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A {@code @Vectorize} function's generated array form against the loop a user would write by hand. Three
 * benchmarks over the same inputs:
 *
 * <ul>
 *   <li>{@code stride_ufunc}: {@code BenchUfuncsUfuncs.softThreshold(x, y, t, out)}, rewritten by Stride (the
 *       function inlined, its conditional as a mask, {@code Math.exp} as the Vector API's under fastmath);
 *   <li>{@code plain_ufunc}: the same call in a fork with the kill switch ({@code -Dstride.disable=true}): the
 *       generated companion as javac compiled it, a plain loop calling the function;
 *   <li>{@code handWritten_loop}: the loop written out by hand, no annotation.
 * </ul>
 *
 * <p>How to run: {@code ./stride bench 'UfuncBenchmarks' -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class UfuncBenchmarks {
    private static final String VECTOR = "--add-modules=jdk.incubator.vector";
    private static final String DISABLED = "-Dstride.disable=true";

    /** Elements per array. */
    @Param({"65536"})
    public int size;

    private double[] x;
    private double[] y;
    private double[] t;
    private double[] out;

    /** Fills the inputs: about half the elements take each branch. */
    @Setup
    public void setUp() {
        Random random = new Random(42);
        x = random.doubles(size, -2, 2).toArray();
        y = random.doubles(size, -2, 2).toArray();
        t = random.doubles(size, -2, 2).toArray();
        out = new double[size];
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double[] stride_ufunc() {
        BenchUfuncsUfuncs.softThreshold(x, y, t, out);
        return out;
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public double[] plain_ufunc() {
        BenchUfuncsUfuncs.softThreshold(x, y, t, out);
        return out;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double[] handWritten_loop() {
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i] > t[i] ? x[i] + y[i] : Math.exp(x[i]) * y[i];
        }
        return out;
    }
}
