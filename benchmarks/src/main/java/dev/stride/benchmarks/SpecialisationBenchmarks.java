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
 * Element-type specialisation: the {@code float} specialisation of {@link SpecialisedKernels#sum} against the
 * {@code double} kernel it was made from, both compiled by Stride at build time and called through the generated
 * overloads. The float version has twice the lanes per vector and half the bytes to read, so the target is at least
 * 1.8x. {@code hand_sumFloat} is the float kernel written by hand ({@link BenchKernels#sumFloat}), for reference.
 *
 * <p>How to run: {@code ./stride bench SpecialisationBenchmarks -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SpecialisationBenchmarks {

    /** Elements per array. */
    @Param({"65536"})
    public int size;

    private double[] doubles;
    private float[] floats;

    /** Fills the inputs with the same values in both types. */
    @Setup
    public void setUp() {
        Random random = new Random(42);
        doubles = random.doubles(size, -2, 2).toArray();
        floats = new float[size];
        for (int k = 0; k < size; k++) {
            floats[k] = (float) doubles[k];
        }
    }

    @Benchmark
    public double double_sum() {
        return SpecialisedKernelsOverloads.sum(doubles);
    }

    @Benchmark
    public float float_sum() {
        return SpecialisedKernelsOverloads.sum(floats);
    }

    @Benchmark
    public float hand_sumFloat() {
        return BenchKernels.sumFloat(floats);
    }
}
