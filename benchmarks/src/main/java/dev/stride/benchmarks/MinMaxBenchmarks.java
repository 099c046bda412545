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
 * Max reductions, Stride against plain Java in one run ({@code plain_*} forks run with the kill switch): the
 * measurement behind the profitability rule for min/max reductions ({@code docs/vectorizer.md}).
 *
 * <p>How to run: {@code ./stride bench MinMaxBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class MinMaxBenchmarks {
    private static final String VECTOR = "--add-modules=jdk.incubator.vector";
    private static final String DISABLED = "-Dstride.disable=true";

    /** Elements per array. */
    @Param({"65536"})
    public int size;

    private double[] doubles;
    private int[] ints;

    /** Fills the inputs. */
    @Setup
    public void setUp() {
        Random random = new Random(42);
        doubles = random.doubles(size, -2, 2).toArray();
        ints = random.ints(size).toArray();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double stride_maxDouble() {
        return MinMaxBenchKernels.maxDouble(doubles);
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public double plain_maxDouble() {
        return MinMaxBenchKernels.maxDouble(doubles);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public int stride_maxInt() {
        return MinMaxBenchKernels.maxInt(ints);
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public int plain_maxInt() {
        return MinMaxBenchKernels.maxInt(ints);
    }
}
