package dev.stride.samples;

import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.report.ClassReport;
import dev.stride.compiler.report.TextReportFormat;
import dev.stride.runtime.Originals;
import dev.stride.runtime.VectorGuard;
import dev.stride.samples.lesson01.FirstKernel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The main job of {@code ./stride demo}: prints the {@code --inspect} report of the sample kernel as the build
 * compiled it, then times the rewritten {@code sum} against the plain one (the original bytecode, loaded from the
 * copy the build kept) on the same 64K doubles, and prints the speedup.
 *
 * <p>This is a quick demonstration, not a benchmark: the JMH numbers in {@code docs/benchmarks.md} are the
 * measured claim.
 */
public final class Demo {
    private static final int LENGTH = 65_536;
    private static final int ROUNDS = 15;
    private static final int CALLS_PER_ROUND = 2_000;

    private Demo() {}

    /**
     * Entry point.
     *
     * @param args ignored
     * @throws Throwable when a kernel fails
     */
    public static void main(String[] args) throws Throwable {
        System.out.println("== what Stride decided (./stride --inspect) ==");
        System.out.println(report(FirstKernel.class));
        if (!Originals.isRewritten(FirstKernel.class)) {
            System.out.println("FirstKernel was not rewritten by the build (no stored original); nothing to compare.");
            System.exit(1);
        }
        System.out.println("== run time: " + VectorGuard.REASON + " ==");
        double[] data = new Random(7).doubles(LENGTH, -1, 1).toArray();
        MethodHandle plain = MethodHandles.lookup()
                .findStatic(
                        Originals.plainCopy(FirstKernel.class),
                        "sum",
                        MethodType.methodType(double.class, double[].class));
        Timing stride = time("stride", data, null);
        Timing original = time("plain", data, plain);
        System.out.printf(
                "sum of %,d doubles: plain %.2f us, stride %.2f us per call (median of %d rounds)%n",
                LENGTH, original.micros(), stride.micros(), ROUNDS);
        System.out.printf(
                "results: plain %.17g, stride %.17g (fastmath: may differ in the last bits)%n",
                original.result(), stride.result());
        System.out.printf("speedup: %.1fx%n", original.micros() / stride.micros());
    }

    private record Timing(double micros, double result) {}

    private static Timing time(String label, double[] data, MethodHandle plain) throws Throwable {
        double[] perCall = new double[ROUNDS];
        double result = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int call = 0; call < CALLS_PER_ROUND; call++) {
                result += plain == null ? FirstKernel.sum(data) : (double) plain.invokeExact(data);
            }
            perCall[round] = (System.nanoTime() - start) / 1e3 / CALLS_PER_ROUND;
        }
        Arrays.sort(perCall);
        return new Timing(perCall[ROUNDS / 2], result / (ROUNDS * CALLS_PER_ROUND));
    }

    private static String report(Class<?> kernels) {
        String resource = Originals.RESOURCE_PREFIX + kernels.getName().replace('.', '/') + ".class";
        String fallback = kernels.getName().replace('.', '/') + ".class";
        try (InputStream original = kernels.getClassLoader().getResourceAsStream(resource);
                InputStream compiled = kernels.getClassLoader().getResourceAsStream(fallback)) {
            byte[] bytes = (original != null ? original : compiled).readAllBytes();
            ClassReport report = new StrideCompiler(CompilerOptions.defaults().compiledAt("build"))
                    .compile(bytes)
                    .report();
            return new TextReportFormat(false).render(List.of(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
