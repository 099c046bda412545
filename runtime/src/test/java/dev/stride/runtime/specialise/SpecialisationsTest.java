package dev.stride.runtime.specialise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

/**
 * The run-time dispatcher without {@code stride-compiler} on the class path (this module's tests never have it): the
 * handle it returns must throw a clear error at the call, naming what to add.
 */
class SpecialisationsTest {

    static double sum(double[] a) {
        double total = 0;
        for (double value : a) {
            total += value;
        }
        return total;
    }

    @Test
    void handle_withoutCompilerOnClassPath_throwsWhatToAddAtEveryCall() {
        MethodType type = MethodType.methodType(float.class, float[].class);
        MethodHandle handle = Specialisations.handle(
                MethodHandles.lookup(), SpecialisationsTest.class, "sum", "([D)D", "FLOAT", type);

        IllegalStateException first =
                assertThrows(IllegalStateException.class, () -> invoke(handle, new float[] {1, 2}));
        IllegalStateException second = assertThrows(IllegalStateException.class, () -> invoke(handle, new float[0]));

        assertEquals(
                "Stride: the FLOAT specialisation of dev.stride.runtime.specialise.SpecialisationsTest.sum([D)D is"
                        + " compiled at run time on its first call, which needs stride-compiler on the class path: add"
                        + " the dependency dev.stride:stride-compiler (scope runtime), or build with"
                        + " stride-maven-plugin (or run with the stride agent) to compile it at build time",
                first.getMessage());
        assertEquals(first.getMessage(), second.getMessage());
        assertEquals(type, handle.type());
    }

    @Test
    void rethrow_passesCheckedExceptionsUnchanged() {
        IOException checked = new IOException("disk");

        IOException thrown = assertThrows(IOException.class, () -> throwChecked(checked));

        assertSame(checked, thrown);
    }

    private static void throwChecked(IOException e) throws IOException {
        try {
            throw e;
        } catch (Throwable t) {
            throw Specialisations.rethrow(t);
        }
    }

    private static float invoke(MethodHandle handle, float[] a) throws Throwable {
        return (float) handle.invokeExact(a);
    }
}
