package dev.stride.compiler.specialise;

import dev.stride.compiler.ClassLibrary;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.StrideCompiler;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Measures the first-call cost of a specialisation on each path, in a fresh JVM per run (docs/benchmarks.md):
 *
 * <ul>
 *   <li>{@code runtime}: the first call of an overload compiled at run time (loading ASM and the compiler, one
 *       specialisation, defining the class), then the first call of a second specialisation;
 *   <li>{@code build}: the build-time compilation of the whole overloads class (what the plugin adds to the build),
 *       then the first call of the rewritten overload (which initialises Stride's Vector API guard and the Vector
 *       API classes, as any rewritten method's first call does), then the first call of a second one.
 * </ul>
 *
 * <p>The test kernels are compiled with javac first (not timed). Run with the compiler's test class path, e.g.
 * {@code java --add-modules jdk.incubator.vector -cp <classes> dev.stride.compiler.specialise.FirstCallCost runtime}.
 */
public final class FirstCallCost {
    private FirstCallCost() {}

    /**
     * Runs one measurement.
     *
     * @param args {@code runtime} or {@code build}
     * @throws Exception when the kernels cannot be compiled or called
     */
    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("stride-first-call");
        String source;
        try (InputStream in = FirstCallCost.class.getResourceAsStream("/specialise/spec/SpecialKernels.java")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path classes = SpecialisationBuild.javac(root, Map.of("spec.SpecialKernels", source));
        float[] input = {1, 2, 3};
        if (args[0].equals("runtime")) {
            Class<?> overloads = SpecialisationBuild.loader(classes).loadClass("spec.SpecialKernelsOverloads");
            report("run-time path, first call of sum(float[])", overloads.getMethod("sum", float[].class), input);
            report(
                    "run-time path, then first call of sumExact(float[])",
                    overloads.getMethod("sumExact", float[].class),
                    input);
        } else {
            long start = System.nanoTime();
            byte[] bytes = Files.readAllBytes(classes.resolve("spec/SpecialKernelsOverloads.class"));
            new StrideCompiler(CompilerOptions.defaults()).compile(bytes, ClassLibrary.roots(List.of(classes)));
            System.out.printf(
                    "build-time compilation of the overloads class (6 specialisations): %.1f ms%n",
                    (System.nanoTime() - start) / 1e6);
            SpecialisationBuild.rewrite(classes, root.resolve("rewritten"));
            Class<?> overloads =
                    SpecialisationBuild.loader(root.resolve("rewritten")).loadClass("spec.SpecialKernelsOverloads");
            report("build-time path, first call of sum(float[])", overloads.getMethod("sum", float[].class), input);
            report(
                    "build-time path, then first call of sumExact(float[])",
                    overloads.getMethod("sumExact", float[].class),
                    input);
        }
    }

    private static void report(String what, Method method, float[] input) throws ReflectiveOperationException {
        long start = System.nanoTime();
        Object result = method.invoke(null, (Object) input);
        System.out.printf("%s: %.1f ms (result %s)%n", what, (System.nanoTime() - start) / 1e6, result);
    }
}
