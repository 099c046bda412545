package dev.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stride.runtime.Originals;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class KernelsTest {

    @Test
    void scale_matchesPlainJava() throws Exception {
        double[] a = new double[1003];
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 0.5 - 7;
        }
        double[] expected = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            expected[i] = a[i] * 3.25;
        }
        double[] out = new double[a.length];
        double[] plainOut = new double[a.length];

        Kernels.scale(a, 3.25, out);
        Method plain = Originals.plainCopy(Kernels.class).getMethod("scale", double[].class, double.class, double[].class);
        plain.invoke(null, a, 3.25, plainOut);

        assertArrayEquals(expected, out);
        assertArrayEquals(expected, plainOut);
    }

    @Test
    void prefixSum_staysSequential() {
        double[] a = {1, 2, 3, 4};

        Kernels.prefixSum(a);

        assertArrayEquals(new double[] {1, 3, 6, 10}, a);
        assertEquals(3, Plain.add(1, 2));
    }
}
