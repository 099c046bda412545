package dev.stride.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
 * Hand-written Vector API versions of Stride's kernels, as an expert would write them, to show how close the
 * generated code gets. Run next to {@link KernelBenchmarks}: {@code ./stride bench 'sum' -p size=65536}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class HandWrittenBaselines {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;

    /** Elements per array. */
    @Param({"1024", "65536", "4194304"})
    public int size;

    private double[] a;
    private double[] withNaN;
    private double[] out;

    /** Fills the inputs: {@code withNaN} as in {@link KernelBenchmarks}, one value in eight NaN. */
    @Setup
    public void setUp() {
        a = new Random(42).doubles(size, -2, 2).toArray();
        withNaN = new Random(42)
                .doubles(size, -2, 2)
                .map(x -> x > 1.5 ? Double.NaN : x)
                .toArray();
        out = new double[size];
    }

    /**
     * NaN to zero with a mask and a blend per 256-bit vector, an unmasked store and a scalar tail: the reference
     * for what Stride's if-converted {@code nanToZero} should reach.
     *
     * @return the output array
     */
    @Benchmark
    public double[] handwritten_nanToZero() {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(withNaN.length); i < bound; i += SPECIES.length()) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, withNaN, i);
            x.blend(zero, x.test(VectorOperators.IS_NAN)).intoArray(out, i);
        }
        for (; i < withNaN.length; i++) {
            out[i] = Double.isNaN(withNaN[i]) ? 0.0 : withNaN[i];
        }
        return out;
    }

    /**
     * Double sum with four independent 256-bit accumulators and a scalar tail.
     *
     * @return the sum
     */
    @Benchmark
    public double handwritten_sum() {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int lanes = SPECIES.length();
        int i = 0;
        for (; i + 4 * lanes <= a.length; i += 4 * lanes) {
            s0 = s0.add(DoubleVector.fromArray(SPECIES, a, i));
            s1 = s1.add(DoubleVector.fromArray(SPECIES, a, i + lanes));
            s2 = s2.add(DoubleVector.fromArray(SPECIES, a, i + 2 * lanes));
            s3 = s3.add(DoubleVector.fromArray(SPECIES, a, i + 3 * lanes));
        }
        double total = s0.add(s1).add(s2).add(s3).reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            total += a[i];
        }
        return total;
    }
}
