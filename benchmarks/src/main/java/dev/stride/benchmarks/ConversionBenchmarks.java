package dev.stride.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
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
 * Loops that convert between element sizes, Stride against plain Java in one run ({@code stride_*} in a normal
 * fork, {@code plain_*} with the kill switch), and the straight conversion map that Stride leaves to C2 against a
 * hand-written Vector API version (the evidence for "left to C2").
 *
 * <p>How to run: {@code ./stride bench ConversionBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class ConversionBenchmarks {
    private static final String VECTOR = "--add-modules=jdk.incubator.vector";
    private static final String DISABLED = "-Dstride.disable=true";
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_128;

    /** Elements per array. */
    @Param({"65536"})
    public int size;

    private int[] counts;
    private double[] w;
    private double[] withNaN;
    private double[] out;
    private int[] intOut;

    /** Fills the inputs: counts from -2 to 7 (a fifth not positive), weights, one double in eight NaN. */
    @Setup
    public void setUp() {
        Random random = new Random(42);
        counts = random.ints(size, -2, 8).toArray();
        w = random.doubles(size, -2, 2).toArray();
        withNaN = random.doubles(size, -2, 2).map(x -> x > 1.5 ? Double.NaN : x).toArray();
        out = new double[size];
        intOut = new int[size];
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double[] stride_weightByCount() {
        ConversionBenchKernels.weightByCount(counts, w, out);
        return out;
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public double[] plain_weightByCount() {
        ConversionBenchKernels.weightByCount(counts, w, out);
        return out;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double stride_dotIntDouble() {
        return ConversionBenchKernels.dotIntDouble(counts, w);
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public double plain_dotIntDouble() {
        return ConversionBenchKernels.dotIntDouble(counts, w);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public int[] stride_quantise() {
        ConversionBenchKernels.quantise(withNaN, 100.0, intOut);
        return intOut;
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {VECTOR, DISABLED})
    public int[] plain_quantise() {
        ConversionBenchKernels.quantise(withNaN, 100.0, intOut);
        return intOut;
    }

    /** The conversion map as compiled: Stride leaves it to C2, so this is C2's own code. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double[] leftToC2_scaleInts() {
        ConversionBenchKernels.scaleInts(counts, out);
        return out;
    }

    /**
     * The same map written by hand with the Vector API as Stride would emit it (4 int lanes converted to 4 double
     * lanes per step, scalar tail).
     *
     * @return the output
     */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public double[] handwritten_scaleInts() {
        int i = 0;
        int bound = DOUBLES.loopBound(size);
        DoubleVector half = DoubleVector.broadcast(DOUBLES, 0.5);
        for (; i < bound; i += DOUBLES.length()) {
            DoubleVector x =
                    (DoubleVector) IntVector.fromArray(INTS, counts, i).convertShape(VectorOperators.I2D, DOUBLES, 0);
            x.mul(half).intoArray(out, i);
        }
        for (; i < size; i++) {
            out[i] = counts[i] * 0.5;
        }
        return out;
    }
}
