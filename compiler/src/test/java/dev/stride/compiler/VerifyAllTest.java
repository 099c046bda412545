package dev.stride.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.kernels.HelperKernels;
import dev.stride.compiler.kernels.MapKernels;
import dev.stride.compiler.kernels.ParallelKernels;
import dev.stride.compiler.kernels.ReasonExamples;
import dev.stride.compiler.kernels.ReductionKernels;
import dev.stride.compiler.kernels.RejectedKernels;
import dev.stride.compiler.kernels.TernaryReductionKernels;
import dev.stride.compiler.kernels.WindowKernels;
import dev.stride.compiler.testing.RewriteHarness;
import java.lang.management.ManagementFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rewritten class runs under {@code -Xverify:all} (issue #3): this module's test JVM is started with it
 * ({@code stride.verify.argLine} in {@code compiler/pom.xml}), so the differential tests run the rewritten kernels
 * with the JVM's verifier on for every class. This test makes sure the flag is really in effect, and links every
 * class the compiler emits for the corpus, the SIMD holders included (the differential tests load a holder only
 * when a kernel's SIMD path runs), so each one passes the JVM's own verifier as well as ASM's. (The corpus's
 * rejected-only parallel kernels are left out: the compiler emits nothing for them.)
 */
class VerifyAllTest {
    private static final Class<?>[] CORPUS = {
        ReductionKernels.class,
        MapKernels.class,
        RejectedKernels.class,
        WindowKernels.class,
        HelperKernels.class,
        ParallelKernels.class,
        ReasonExamples.class,
        TernaryReductionKernels.class
    };

    @Test
    void testJvm_runsWithVerifyAll() {
        java.util.List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();

        assertTrue(arguments.contains("-Xverify:all"), "the test JVM runs without -Xverify:all: " + arguments);
    }

    @TestFactory
    Stream<DynamicTest> everyEmittedClass_linksUnderTheJvmVerifier() {
        return Stream.of(CORPUS)
                .map(kernels -> DynamicTest.dynamicTest(kernels.getSimpleName(), () -> {
                    RewriteHarness.Compiled compiled = RewriteHarness.compile(kernels);
                    ClassLoader loader = compiled.rewrittenClass().getClassLoader();

                    assertTrue(compiled.rewrite().changed(), kernels + " was not rewritten");
                    assertFalse(compiled.rewrite().addedClasses().isEmpty(), kernels + " has no SIMD holder");
                    for (String added : compiled.rewrite().addedClasses().keySet()) {
                        // initialising links, and linking verifies: a VerifyError fails the test
                        Class<?> holder = Class.forName(added.replace('/', '.'), true, loader);
                        assertEquals(loader, holder.getClassLoader(), added + " came from another loader");
                    }
                }));
    }
}
