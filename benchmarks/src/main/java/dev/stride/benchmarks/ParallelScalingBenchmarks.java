package dev.stride.benchmarks;

import dev.stride.runtime.parallel.ParallelLoops;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Thread scaling of {@code @Parallel} {@code prange} loops (issue #4), against Java's idiomatic parallel streams,
 * all in one JMH run. {@code threads} is the worker count: Stride's loops run under
 * {@code ParallelLoops.withThreads(threads, ...)} (1 thread = the loop runs serially on the caller); the streams
 * run inside a {@code ForkJoinPool} of {@code threads} workers (a parallel stream started from a pool's task uses
 * that pool), so both sides get exactly the same number of threads.
 *
 * <ul>
 *   <li>{@code gaussian}: {@code out[i] = exp(-x[i]^2)} over 2^20 doubles, compute-bound: the scaling figure;
 *       the stream version is {@code IntStream.range(0, n).parallel().forEach(...)};
 *   <li>{@code sum}: the sum of 2^20 doubles (8 MB), memory-bound; the stream version is
 *       {@code Arrays.stream(x).parallel().sum()} ({@code DoubleStream}, compensated summation).
 * </ul>
 *
 * <p>How to run: {@code ./stride bench 'ParallelScalingBenchmarks'}. Every result depends on the other load of
 * the machine: a 2-core machine scales to 2x only when the second core is free.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ParallelScalingBenchmarks {

    /** Elements per array. */
    @Param({"1048576"})
    public int size;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    private double[] x;
    private double[] out;
    private ForkJoinPool streamPool;

    /** Fills the input and starts the streams' pool. */
    @Setup(Level.Trial)
    public void setUp() {
        x = new Random(42).doubles(size, -3, 3).toArray();
        out = new double[size];
        streamPool = new ForkJoinPool(threads);
    }

    /** Stops the streams' pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        streamPool.shutdown();
    }

    @Benchmark
    public double[] stride_gaussian() {
        ParallelLoops.withThreads(threads, () -> ParallelBenchKernels.gaussian(x, out));
        return out;
    }

    @Benchmark
    public double[] streams_gaussian() {
        if (threads == 1) {
            IntStream.range(0, x.length).forEach(i -> out[i] = Math.exp(-x[i] * x[i]));
        } else {
            streamPool
                    .submit(() -> IntStream.range(0, x.length).parallel().forEach(i -> out[i] = Math.exp(-x[i] * x[i])))
                    .join();
        }
        return out;
    }

    @Benchmark
    public double stride_sum() {
        return ParallelLoops.withThreads(threads, () -> ParallelBenchKernels.sum(x));
    }

    @Benchmark
    public double streams_sum() {
        if (threads == 1) {
            return Arrays.stream(x).sum();
        }
        return streamPool.submit(() -> Arrays.stream(x).parallel().sum()).join();
    }
}
