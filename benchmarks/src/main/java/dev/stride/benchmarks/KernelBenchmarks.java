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
 * Stride-compiled kernels against the same kernels as plain Java, in one JMH run. Each kernel has two benchmarks:
 * {@code stride_*} runs the rewritten class; {@code plain_*} runs it in a fork with the kill switch
 * ({@code -Dstride.disable=true}), where every rewritten method runs its original bytecode.
 *
 * <p>How to run: {@code ./stride bench} (all), or {@code ./stride bench 'KernelBenchmarks.*sum' -p size=65536}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class KernelBenchmarks {
    private static final String VECTOR = "--add-modules=jdk.incubator.vector";
    private static final String DISABLED = "-Dstride.disable=true";

    /** Elements per array. */
    @Param({"1024", "65536", "4194304"})
    public int size;

    private double[] a;
    private double[] b;
    private double[] c;
    private double[] withNaN;
    private double[] out;
    private double[] out2;
    private float[] floats;

    /** Fills the inputs. */
    @Setup
    public void setUp() {
        Random random = new Random(42);
        a = random.doubles(size, -2, 2).toArray();
        b = random.doubles(size, -2, 2).toArray();
        c = random.doubles(size, -2, 2).toArray();
        withNaN = random.doubles(size, -2, 2).map(x -> x > 1.5 ? Double.NaN : x).toArray();
        out = new double[size];
        out2 = new double[size];
        floats = new float[size];
        for (int k = 0; k < size; k++) {
            floats[k] = (float) a[k];
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double stride_sum() {
        return BenchKernels.sum(a);
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public double plain_sum() {
        return BenchKernels.sum(a);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public float stride_sumFloat() {
        return BenchKernels.sumFloat(floats);
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public float plain_sumFloat() {
        return BenchKernels.sumFloat(floats);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double[] stride_nanToZero() {
        BenchKernels.nanToZero(withNaN, out);
        return out;
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public double[] plain_nanToZero() {
        BenchKernels.nanToZero(withNaN, out);
        return out;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double[] stride_clamp() {
        BenchKernels.clamp(a, -1, 1, out);
        return out;
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public double[] plain_clamp() {
        BenchKernels.clamp(a, -1, 1, out);
        return out;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double[] stride_exp() {
        BenchKernels.exp(a, out);
        return out;
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public double[] plain_exp() {
        BenchKernels.exp(a, out);
        return out;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double[] stride_multiplyAdd() {
        BenchKernels.multiplyAdd(a, b, c, out);
        return out;
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public double[] plain_multiplyAdd() {
        BenchKernels.multiplyAdd(a, b, c, out);
        return out;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double[] stride_rollingMeanStd84() {
        BenchKernels.rollingMean(a, 84, out);
        BenchKernels.rollingStd(a, 84, out, out2);
        return out2;
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public double[] plain_rollingMeanStd84() {
        BenchKernels.rollingMean(a, 84, out);
        BenchKernels.rollingStd(a, 84, out, out2);
        return out2;
    }
}
