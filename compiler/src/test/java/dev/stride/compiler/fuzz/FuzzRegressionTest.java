package dev.stride.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.kernels.FuzzRegressionKernels;
import dev.stride.compiler.testing.RewriteHarness;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fuzzer's shrunk findings ({@link FuzzRegressionKernels}): each compiles without an internal error, takes
 * the optimised path, and matches plain Java under the fuzzer's own trials and oracle.
 */
class FuzzRegressionTest {
    private static final int TRIALS = 80;

    /** Findings whose correct answer is to stay scalar, with the reason; every other finding must vectorise. */
    private static final Map<String, String> STAYS_SCALAR =
            Map.of("readAheadAfterStoreInPlace", "LOOP_CARRIED_ARRAY_DEPENDENCE");

    /**
     * Findings of the newer kernel families, which get that family's {@link EdgeValues} as inputs; every other
     * finding gets the classic inputs.
     */
    private static final Map<String, Family> FAMILIES = Map.of();

    @TestFactory
    Stream<DynamicTest> everyFinding_isVectorisedAndMatchesPlainJava() {
        RewriteHarness.Compiled compiled = RewriteHarness.compile(FuzzRegressionKernels.class);
        List<DynamicTest> tests = new ArrayList<>();
        for (Method plain : FuzzRegressionKernels.class.getDeclaredMethods()) {
            if (Modifier.isPublic(plain.getModifiers())) {
                tests.add(DynamicTest.dynamicTest(plain.getName(), () -> check(plain, compiled)));
            }
        }
        return tests.stream();
    }

    private static void check(Method plain, RewriteHarness.Compiled compiled) {
        Kernel kernel = signatureOf(plain);

        String optimisation = KernelRunner.optimisation(compiled.rewrite(), plain.getName());
        String failure = new KernelTrials(kernel, FuzzRegressionKernels.class, compiled.rewrittenClass(), TRIALS)
                .run(plain.getName().hashCode());

        String expected = STAYS_SCALAR.get(plain.getName());
        assertTrue(
                expected == null ? optimisation.endsWith("vectorized") : optimisation.equals(expected),
                plain.getName() + ": " + optimisation);
        assertNull(failure, plain.getName());
    }

    /** A kernel model with the method's signature and family (and no body), enough for arguments and trials. */
    private static Kernel signatureOf(Method method) {
        List<Kernel.Param> parameters = new ArrayList<>();
        Class<?>[] types = method.getParameterTypes();
        for (int k = 0; k < types.length; k++) {
            Class<?> type = types[k];
            Class<?> element = type.isArray() ? type.getComponentType() : type;
            Kind kind = Arrays.stream(Kind.values())
                    .filter(candidate -> candidate.type() == element)
                    .findFirst()
                    .orElseThrow();
            Kernel.Role role =
                    type.isArray() ? Kernel.Role.ARRAY : type == int.class ? Kernel.Role.BOUND : Kernel.Role.SCALAR;
            parameters.add(new Kernel.Param(kind, type.isArray() ? 1 : 0, "p" + k, role));
        }
        Family family = FAMILIES.getOrDefault(method.getName(), Family.CLASSIC);
        return new Kernel(
                method.getName(),
                false,
                null,
                parameters,
                List.of(),
                List.of(),
                new Kernel.Shape(family, "regression"),
                List.of());
    }
}
