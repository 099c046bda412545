package dev.stride.weather.engine;

import dev.stride.runtime.Originals;
import dev.stride.weather.kernels.WeatherKernels;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Calls the original, un-rewritten kernel code: {@link Originals#plainCopy} defines the stored original class
 * file in its own loader (or returns {@link WeatherKernels} itself when the build did not rewrite it), and
 * this engine invokes its static methods through method handles looked up once.
 */
final class PlainEngine implements KernelEngine {

    private final Class<?> kernels;
    private final MethodHandle countStationRuns;
    private final MethodHandle scanStations;
    private final MethodHandle firstRegroupedRow;
    private final MethodHandle detectBlocks;
    private final MethodHandle compactFlags;

    private PlainEngine(Class<?> kernels) throws ReflectiveOperationException {
        this.kernels = kernels;
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        countStationRuns =
                lookup.findStatic(kernels, "countStationRuns", MethodType.methodType(int.class, long[].class));
        scanStations = lookup.findStatic(
                kernels,
                "scanStations",
                MethodType.methodType(int.class, long[].class, double[].class, int[].class, int[].class));
        firstRegroupedRow = lookup.findStatic(
                kernels, "firstRegroupedRow", MethodType.methodType(int.class, long[].class, int[].class, int.class));
        detectBlocks = lookup.findStatic(
                kernels,
                "detectBlocks",
                MethodType.methodType(
                        void.class,
                        double[].class,
                        int[].class,
                        int[].class,
                        int[].class,
                        int.class,
                        int.class,
                        double.class,
                        boolean.class,
                        boolean.class,
                        double[].class,
                        double[].class,
                        double[].class,
                        byte[].class,
                        int[].class));
        compactFlags = lookup.findStatic(
                kernels,
                "compactFlags",
                MethodType.methodType(int.class, byte[].class, int.class, int.class, int[].class, int.class));
    }

    static PlainEngine create() {
        return bind(Originals.plainCopy(WeatherKernels.class));
    }

    /**
     * An engine over any class with the kernel methods (tests bind a copy defined in another loader).
     *
     * @param kernels the class to call
     * @return the engine
     */
    static PlainEngine bind(Class<?> kernels) {
        try {
            return new PlainEngine(kernels);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot bind the kernel methods of " + kernels.getName(), e);
        }
    }

    /**
     * The class this engine calls.
     *
     * @return the plain copy, or {@link WeatherKernels} when it was not rewritten
     */
    Class<?> kernelClass() {
        return kernels;
    }

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public int countStationRuns(long[] station) {
        try {
            return (int) countStationRuns.invokeExact(station);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    @Override
    public int scanStations(long[] station, double[] timestamp, int[] starts, int[] firstUnordered) {
        try {
            return (int) scanStations.invokeExact(station, timestamp, starts, firstUnordered);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    @Override
    public int firstRegroupedRow(long[] station, int[] starts, int runCount) {
        try {
            return (int) firstRegroupedRow.invokeExact(station, starts, runCount);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    @Override
    public void detectBlocks(
            double[] value,
            int[] starts,
            int[] blockStations,
            int[] blockOffsets,
            int blockCount,
            int window,
            double threshold,
            boolean excludePoint,
            boolean slidingSum,
            double[] filled,
            double[] mean,
            double[] std,
            byte[] flags,
            int[] outlierCounts) {
        try {
            detectBlocks.invokeExact(
                    value,
                    starts,
                    blockStations,
                    blockOffsets,
                    blockCount,
                    window,
                    threshold,
                    excludePoint,
                    slidingSum,
                    filled,
                    mean,
                    std,
                    flags,
                    outlierCounts);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    @Override
    public int compactFlags(byte[] flags, int from, int to, int[] rows, int offset) {
        try {
            return (int) compactFlags.invokeExact(flags, from, to, rows, offset);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Kernels throw only unchecked exceptions; pass them on unchanged, wrap anything else. */
    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("plain kernel failed", e);
    }
}
