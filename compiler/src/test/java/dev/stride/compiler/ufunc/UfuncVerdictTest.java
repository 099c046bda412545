package dev.stride.compiler.ufunc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.codegen.ClassVerification;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.MethodReport;
import dev.stride.compiler.report.RejectionReason;
import dev.stride.compiler.testing.UfuncHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the compiler did with the generated companion loops: the loops of functions with conditionals and
 * {@code Math.exp} under fastmath are vectorised (the callee was inlined from the owner class and its branches
 * became masks), the reduce loop of an associative double sum is reassociated without fastmath, and every emitted
 * class passes ASM's verifier.
 */
class UfuncVerdictTest {
    private static final ClassRewrite COMPANION =
            UfuncDifferentialTest.BUILD.rewrites().get("ufunc.UfuncKernelsUfuncs");

    private static List<MethodReport> loopsOf(String function) {
        return COMPANION.report().methods().stream()
                .filter(m -> m.name().startsWith(function + "$"))
                .toList();
    }

    private static LoopVerdict verdict(MethodReport method) {
        assertEquals(1, method.loops().size(), method.name());
        return method.loops().getFirst().verdict();
    }

    @Test
    void conditionalWithExpUnderFastmath_isVectorisedInEveryBroadcastPattern() {
        List<MethodReport> loops = loopsOf("softplus");

        assertEquals(7, loops.size());
        for (MethodReport loop : loops) {
            LoopVerdict.Vectorized vectorized = assertInstanceOf(LoopVerdict.Vectorized.class, verdict(loop));
            assertEquals("double", vectorized.elementType(), loop.name());
        }
    }

    @Test
    void conditionalsTernariesAndEarlyReturns_areVectorisedForEveryElementType() {
        for (String function : List.of("clampScale", "select", "absDiff", "sign", "largest")) {
            for (MethodReport loop : loopsOf(function)) {
                if (!loop.name().endsWith("$reduce")) {
                    assertInstanceOf(LoopVerdict.Vectorized.class, verdict(loop), loop.name());
                }
            }
        }
    }

    @Test
    void parallelTarget_runsTheLoopsOnThePool() {
        List<MethodReport> loops = loopsOf("parallelClamp");

        assertEquals(3, loops.size());
        for (MethodReport loop : loops) {
            assertInstanceOf(LoopVerdict.Parallel.class, verdict(loop), loop.name());
        }
    }

    @Test
    void associativeDoubleSum_isReassociatedWithoutFastmath() {
        MethodReport reduce = loopsOf("add").stream()
                .filter(m -> m.name().endsWith("$reduce"))
                .findFirst()
                .orElseThrow();

        LoopVerdict.Vectorized vectorized = assertInstanceOf(LoopVerdict.Vectorized.class, verdict(reduce));

        assertEquals("+", vectorized.reductions().getFirst().operator());
        assertTrue(vectorized.reductions().getFirst().reassociated());
        assertEquals("associative", vectorized.reductions().getFirst().optIn());
    }

    @Test
    void integerDivision_staysScalarSoItThrowsAtTheSameElement() {
        for (MethodReport loop : loopsOf("quotient")) {
            LoopVerdict.Rejected rejected = assertInstanceOf(LoopVerdict.Rejected.class, verdict(loop), loop.name());

            assertEquals(RejectionReason.INTEGER_DIVISION, rejected.reason());
        }
    }

    @Test
    void associativeTernaryMaximum_isAnExactMaxReduction() {
        MethodReport reduce = loopsOf("largest").stream()
                .filter(m -> m.name().endsWith("$reduce"))
                .findFirst()
                .orElseThrow();

        LoopVerdict.Vectorized vectorized = assertInstanceOf(LoopVerdict.Vectorized.class, verdict(reduce));

        // the inlined a > b ? a : b is a select over long: Math.max exactly (SelectReduction)
        assertEquals("max", vectorized.reductions().getFirst().operator());
        assertEquals("exact", vectorized.reductions().getFirst().exactness());
    }

    @Test
    void everyLoopGetsAVerdictThatIsNotAnUnsupportedCall() {
        for (MethodReport method : COMPANION.report().methods()) {
            for (var loop : method.loops()) {
                if (loop.verdict() instanceof LoopVerdict.Rejected rejected) {
                    assertTrue(
                            rejected.reason() != RejectionReason.UNSUPPORTED_CALL
                                    && rejected.reason() != RejectionReason.CALL_NOT_INLINED,
                            method.name() + ": " + rejected);
                }
            }
        }
    }

    @Test
    void emittedClasses_passTheVerifier() {
        assertNull(ClassVerification.problem(COMPANION.rewrittenClass()));
        for (Map.Entry<String, byte[]> added : COMPANION.addedClasses().entrySet()) {
            assertNull(ClassVerification.problem(added.getValue()), added.getKey());
        }
    }

    @Test
    void calleeClassMissing_leavesTheLoopScalarWithTheReason() {
        UfuncHarness.Build build = UfuncDifferentialTest.BUILD;
        Map<String, byte[]> withoutOwner = new java.util.HashMap<>(build.plain());
        withoutOwner.remove("ufunc.UfuncKernels");

        ClassRewrite rewrite = new dev.stride.compiler.StrideCompiler(dev.stride.compiler.CompilerOptions.defaults())
                .compile(
                        build.plain().get("ufunc.UfuncKernelsUfuncs"),
                        name -> java.util.Optional.ofNullable(withoutOwner.get(name.replace('/', '.'))));
        MethodReport loop = rewrite.report().methods().stream()
                .filter(m -> m.name().startsWith("softplus$"))
                .findFirst()
                .orElseThrow();

        LoopVerdict.Rejected rejected = assertInstanceOf(LoopVerdict.Rejected.class, verdict(loop));
        assertEquals(RejectionReason.CALL_NOT_INLINED, rejected.reason());
        assertEquals(
                "calls ufunc.UfuncKernels.softplus: class ufunc.UfuncKernels was not found on the compiler's class"
                        + " path, so its functions cannot be inlined",
                rejected.detail());
    }
}
