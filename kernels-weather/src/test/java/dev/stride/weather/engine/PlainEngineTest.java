package dev.stride.weather.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stride.runtime.Originals;
import dev.stride.weather.OutlierDetector;
import dev.stride.weather.kernels.WeatherKernels;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlainEngineTest {

    @Test
    void plain_notRewritten_bindsTheKernelClassItself() {
        PlainEngine engine = PlainEngine.create();

        assertSame(Originals.plainCopy(WeatherKernels.class), engine.kernelClass());
        assertEquals(Originals.isRewritten(WeatherKernels.class), engine.kernelClass() != WeatherKernels.class);
    }

    @Test
    void plain_copyInAnotherLoader_sameOutliersAsStride() throws Exception {
        Class<?> copy = new CopyLoader().load();
        PlainEngine engine = PlainEngine.bind(copy);
        long[] station = new long[30_000];
        double[] timestamp = new double[station.length];
        double[] value = new double[station.length];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < station.length; i++) {
            station[i] = i / 7_000;
            timestamp[i] = i;
            value[i] = random.nextDouble() < 0.01 ? Double.NaN : Math.rint(30 + 5 * random.nextGaussian());
        }
        OutlierDetector.Parameters parameters = new OutlierDetector.Parameters(24, 4.0, true, false, 0);

        int[] plain = new OutlierDetector(parameters, engine)
                .detect(station, timestamp, value)
                .rows();
        int[] stride = new OutlierDetector(parameters, KernelEngine.stride())
                .detect(station, timestamp, value)
                .rows();

        assertNotSame(WeatherKernels.class, copy);
        assertArrayEquals(stride, plain);
    }

    @Test
    void plain_kernelException_passesThroughUnchanged() {
        PlainEngine engine = PlainEngine.create();

        assertThrows(
                ArrayIndexOutOfBoundsException.class, () -> engine.firstRegroupedRow(new long[] {1, 2}, new int[0], 1));
    }

    /** Defines a second copy of {@link WeatherKernels} from its class file, as {@link Originals} does. */
    private static final class CopyLoader extends ClassLoader {

        CopyLoader() {
            super("kernel-copy", WeatherKernels.class.getClassLoader());
        }

        Class<?> load() throws IOException {
            String resource = WeatherKernels.class.getName().replace('.', '/') + ".class";
            try (InputStream in = WeatherKernels.class.getClassLoader().getResourceAsStream(resource)) {
                byte[] bytes = in.readAllBytes();
                return defineClass(WeatherKernels.class.getName(), bytes, 0, bytes.length);
            }
        }
    }
}
