package dev.stride.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.runtime.Originals;
import dev.stride.runtime.Stride;
import dev.stride.samples.lesson02.Reductions;
import dev.stride.samples.lesson03.WhyNotVectorised;
import dev.stride.samples.lesson04.ParallelLoops;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every lesson's kernels, as the build compiled them, against their own plain copies on the same inputs: exact,
 * except fastmath sums within 1e-12 of the inputs' magnitude.
 */
class LessonsTest {

    @Test
    void lessonsAreCompiledByTheBuild() {
        for (Class<?> lesson : new Class<?>[] {Reductions.class, WhyNotVectorised.class, ParallelLoops.class}) {
            assertTrue(Stride.status(lesson).compiled(), lesson.getName());
        }
    }

    @Test
    void lessonsAgreeWithPlainJava() throws Exception {
        Random random = new Random(5);
        for (Class<?> lesson : new Class<?>[] {Reductions.class, WhyNotVectorised.class, ParallelLoops.class}) {
            Class<?> plain = Originals.plainCopy(lesson);
            for (Method method : lesson.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers())) {
                    continue;
                }
                Method original = plain.getDeclaredMethod(method.getName(), method.getParameterTypes());
                for (int length : new int[] {0, 1, 7, 64, 1000, 10_000}) {
                    compare(method, original, length, random);
                }
            }
        }
    }

    private static void compare(Method method, Method original, int length, Random random) throws Exception {
        double[] a = random.doubles(length, -3, 3).toArray();
        Object[] first =
                method.getParameterCount() == 1 ? new Object[] {a.clone()} : new Object[] {a.clone(), a.clone()};
        Object[] second =
                method.getParameterCount() == 1 ? new Object[] {a.clone()} : new Object[] {a.clone(), a.clone()};
        Object expected = original.invoke(null, second);
        Object actual = method.invoke(null, first);
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName() + " length " + length;
        if (expected instanceof Double d) {
            assertEquals(d, (Double) actual, 1e-12 * 3 * Math.max(1, length), where);
        } else {
            assertEquals(expected, actual, where);
        }
        for (int k = 0; k < first.length; k++) {
            assertArrayEquals((double[]) second[k], (double[]) first[k], 1e-15, where);
        }
    }
}
