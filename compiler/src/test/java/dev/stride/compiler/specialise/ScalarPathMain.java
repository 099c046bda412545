package dev.stride.compiler.specialise;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a forked JVM by {@link ScalarPathTest}: calls the run-time specialisation of the fastmath {@code sum} and
 * checks it is bit-identical to the hand-written sequential float sum, which holds only when the substituted code
 * runs scalar (the vectorised sum reassociates). Prints {@code scalar: ok} or the first mismatch.
 */
public final class ScalarPathMain {
    private ScalarPathMain() {}

    /**
     * Runs the check.
     *
     * @param args unused
     * @throws Exception when the kernels cannot be compiled or called
     */
    public static void main(String[] args) throws Exception {
        String source;
        try (InputStream in = ScalarPathMain.class.getResourceAsStream("/specialise/spec/SpecialKernels.java")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path classes = SpecialisationBuild.javac(
                Files.createTempDirectory("stride-scalar-path"), Map.of("spec.SpecialKernels", source));
        ClassLoader loader = SpecialisationBuild.loader(classes);
        Method specialised = loader.loadClass("spec.SpecialKernelsOverloads").getMethod("sum", float[].class);
        Method byHand = loader.loadClass("spec.SpecialKernels").getMethod("sumByHand", float[].class);
        for (int n = 0; n <= 1000; n++) {
            float[] a = Inputs.floats(n, n, false, true);
            Object expected = byHand.invoke(null, (Object) a);
            Object actual = specialised.invoke(null, (Object) a);
            if (!expected.equals(actual)) {
                System.out.println("scalar: mismatch at n=" + n + ": by hand " + expected + ", specialised " + actual);
                return;
            }
        }
        System.out.println("scalar: ok");
    }
}
