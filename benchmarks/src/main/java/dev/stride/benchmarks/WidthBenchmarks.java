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
 * 256-bit against 512-bit SIMD code for the same kernels (issue #3: "make the width a setting and benchmark
 * both"). {@code SimdWidth.AUTO} picks 256 bits for streaming loops and 512 for compute-bound ones; these numbers
 * are what that choice rests on.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class WidthBenchmarks {

    /** Elements per array. */
    @Param({"65536"})
    public int size;

    private double[] a;
    private double[] mean;
    private double[] out;

    /** Fills the inputs. */
    @Setup
    public void setUp() {
        a = new Random(42).doubles(size, -2, 2).toArray();
        mean = new double[size];
        out = new double[size];
        BenchKernels.rollingMean(a, 84, mean);
    }

    /** @return the sum at 256 bits */
    @Benchmark
    public double sum_256() {
        return WidthKernels.sum256(a);
    }

    /** @return the sum at 512 bits */
    @Benchmark
    public double sum_512() {
        return WidthKernels.sum512(a);
    }

    /** @return exp at 256 bits */
    @Benchmark
    public double[] exp_256() {
        WidthKernels.exp256(a, out);
        return out;
    }

    /** @return exp at 512 bits */
    @Benchmark
    public double[] exp_512() {
        WidthKernels.exp512(a, out);
        return out;
    }

    /** @return the rolling std at 256 bits */
    @Benchmark
    public double[] rollingStd84_256() {
        WidthKernels.rollingStd256(a, 84, mean, out);
        return out;
    }

    /** @return the rolling std at 512 bits */
    @Benchmark
    public double[] rollingStd84_512() {
        WidthKernels.rollingStd512(a, 84, mean, out);
        return out;
    }
}
