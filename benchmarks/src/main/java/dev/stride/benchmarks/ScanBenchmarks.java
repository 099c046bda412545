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
 * Scans vectorised as in-register scans ({@link ScanBenchKernels}) against the same loops as plain Java, in one
 * run: {@code stride_*} runs the rewritten class, {@code plain_*} the original bytecode (kill switch).
 *
 * <p>How to run: {@code ./stride bench ScanBenchmarks -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScanBenchmarks {
    private static final String VECTOR = "--add-modules=jdk.incubator.vector";
    private static final String DISABLED = "-Dstride.disable=true";

    /** Elements per array. */
    @Param({"65536"})
    public int size;

    private double[] a;
    private double[] withNaN;
    private double[] out;
    private int[] ints;
    private int[] intOut;

    /** Fills the inputs: about a quarter of {@code withNaN} is NaN, in runs and alone. */
    @Setup
    public void setUp() {
        Random random = new Random(42);
        a = random.doubles(size, -2, 2).toArray();
        withNaN = random.doubles(size, -2, 2).map(x -> x > 1.0 ? Double.NaN : x).toArray();
        out = new double[size];
        ints = random.ints(size, -1000, 1000).toArray();
        intOut = new int[size];
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double stride_runningMax() {
        return ScanBenchKernels.runningMax(a, out);
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public double plain_runningMax() {
        return ScanBenchKernels.runningMax(a, out);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public int stride_runningMaxInt() {
        return ScanBenchKernels.runningMaxInt(ints, intOut);
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public int plain_runningMaxInt() {
        return ScanBenchKernels.runningMaxInt(ints, intOut);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double stride_fillForward() {
        return ScanBenchKernels.fillForward(withNaN, out);
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public double plain_fillForward() {
        return ScanBenchKernels.fillForward(withNaN, out);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double stride_prefixSum() {
        return ScanBenchKernels.prefixSum(a, out);
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public double plain_prefixSum() {
        return ScanBenchKernels.prefixSum(a, out);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public int stride_prefixSumInt() {
        return ScanBenchKernels.prefixSumInt(ints, intOut);
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public int plain_prefixSumInt() {
        return ScanBenchKernels.prefixSumInt(ints, intOut);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double stride_prefixSum512() {
        return ScanBenchKernels.prefixSum512(a, out);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double stride_fillForward512() {
        return ScanBenchKernels.fillForward512(withNaN, out);
    }
}
