package dev.stride.compiler.reasons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.kernels.ParallelRejectedKernels;
import dev.stride.compiler.kernels.ReasonExamples;
import dev.stride.compiler.report.ClassReport;
import dev.stride.compiler.report.LoopReport;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.MethodReport;
import dev.stride.compiler.report.RejectionReason;
import dev.stride.compiler.testing.RewriteHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Keeps {@code docs/reasons.md} true: every before/after claim of the document is a pair of methods in
 * {@link ReasonExamples} (for the parallel reasons, methods of {@link ParallelRejectedKernels}) whose verdicts are
 * asserted here, every reason has a section, and every code block of the document is quoted from those classes,
 * so neither the examples nor the verdicts can drift.
 */
class ReasonExamplesTest {
    private static final Path DOCUMENT = Path.of("../docs/reasons.md");
    private static final Path KERNELS = Path.of("src/test/java/dev/stride/compiler/kernels");

    /**
     * One claim of the document.
     *
     * @param method a method of {@link ReasonExamples}
     * @param loopId the loop the claim is about
     * @param expected {@code vectorized}, {@code left-to-c2} or the name of the rejection reason
     */
    private record Claim(String method, String loopId, String expected) {}

    private static final List<Claim> CLAIMS = List.of(
            new Claim("notCountedBefore", "L1", "NOT_COUNTED"),
            new Claim("notCountedAfter", "L1", "vectorized"),
            new Claim("boundNotInvariantBefore", "L1", "BOUND_NOT_INVARIANT"),
            new Claim("boundNotInvariantAfter", "L1", "vectorized"),
            new Claim("unsupportedConditionBefore", "L1", "UNSUPPORTED_CONDITION"),
            new Claim("unsupportedConditionAfter", "L1", "vectorized"),
            new Claim("nonUnitStrideBefore", "L1", "NON_UNIT_STRIDE"),
            new Claim("nonUnitStrideAfter", "L1", "vectorized"),
            new Claim("multipleExitsBefore", "L1", "MULTIPLE_EXITS"),
            new Claim("multipleExitsAfter", "L1", "vectorized"),
            new Claim("tryCatchBefore", "L1", "TRY_CATCH"),
            new Claim("tryCatchAfter", "L1", "vectorized"),
            new Claim("unsupportedInstructionBefore", "L1", "UNSUPPORTED_INSTRUCTION"),
            new Claim("unsupportedInstructionAfter", "L1", "vectorized"),
            new Claim("unsupportedCallBefore", "L1", "UNSUPPORTED_CALL"),
            new Claim("unsupportedCallAfter", "L1", "vectorized"),
            new Claim("unsupportedCallHelperBefore", "L1", "UNSUPPORTED_CALL"),
            new Claim("unsupportedCallHelperAfter", "L1", "vectorized"),
            new Claim("callNotInlinedBefore", "L1", "CALL_NOT_INLINED"),
            new Claim("callNotInlinedAfter", "L1", "vectorized"),
            new Claim("needsFastmathMathBefore", "L1", "NEEDS_FASTMATH_MATH"),
            new Claim("needsFastmathMathAfter", "L1", "vectorized"),
            new Claim("needsFastmathReductionBefore", "L1", "NEEDS_FASTMATH_REDUCTION"),
            new Claim("needsFastmathReductionAfter", "L1", "vectorized"),
            new Claim("needsFastmathSelectBefore", "L1", "NEEDS_FASTMATH_REDUCTION"),
            new Claim("needsFastmathSelectAfter", "L1", "vectorized"),
            new Claim("selectOnIntegersIsExact", "L1", "vectorized"),
            new Claim("scanNeedsFastmathBefore", "L1", "SCAN_NEEDS_FASTMATH"),
            new Claim("scanNeedsFastmathAfter", "L1", "vectorized"),
            new Claim("integerDivisionBefore", "L1", "INTEGER_DIVISION"),
            new Claim("integerDivisionAfter", "L1", "vectorized"),
            new Claim("integerDivisionPerElement", "L1", "INTEGER_DIVISION"),
            new Claim("nonAffineIndexBefore", "L1", "NON_AFFINE_INDEX"),
            new Claim("arrayNotInvariantBefore", "L1", "ARRAY_NOT_INVARIANT"),
            new Claim("arrayNotInvariantAfter", "L1", "vectorized"),
            new Claim("invariantStoreBefore", "L1", "INVARIANT_STORE"),
            new Claim("invariantStoreAtIndex", "L1", "INVARIANT_STORE"),
            new Claim("invariantStoreAfter", "L1", "vectorized"),
            new Claim("loopCarriedArrayDependenceBefore", "L1", "LOOP_CARRIED_ARRAY_DEPENDENCE"),
            new Claim("loopCarriedArrayDependenceAfter", "L1", "vectorized"),
            new Claim("multipleStoresSameArrayBefore", "L1", "MULTIPLE_STORES_SAME_ARRAY"),
            new Claim("multipleStoresSameArrayAfter", "L1", "vectorized"),
            new Claim("multipleStoresSameArrayFarApart", "L1", "LOOP_CARRIED_ARRAY_DEPENDENCE"),
            new Claim("multipleStoresSameArrayFarApartAfter", "L1", "left-to-c2"),
            new Claim("loopCarriedScalarBefore", "L1", "LOOP_CARRIED_SCALAR"),
            new Claim("loopCarriedScalarAfter", "L1", "vectorized"),
            new Claim("liveOutScalarBefore", "L1", "LIVE_OUT_SCALAR"),
            new Claim("liveOutScalarConditional", "L1", "LIVE_OUT_SCALAR"),
            new Claim("liveOutScalarAfter", "L1", "vectorized"),
            new Claim("unsupportedTypeBefore", "L1", "UNSUPPORTED_TYPE"),
            new Claim("unsupportedTypeAfter", "L1", "vectorized"),
            new Claim("innerLoopBefore", "L1", "INNER_LOOP"),
            new Claim("innerLoopBefore", "L1.1", "vectorized"),
            new Claim("noArrayWorkBefore", "L1", "NO_ARRAY_WORK"),
            new Claim("leftToC2Example", "L1", "left-to-c2"));

    /** The examples of the parallel reasons, from {@link ParallelRejectedKernels}. */
    private static final List<Claim> PARALLEL_CLAIMS = List.of(
            new Claim("inclusive", "L1", "PARALLEL_SHAPE"),
            new Claim("sameElement", "L1", "PARALLEL_RACE_ARRAY_WRITE"),
            new Claim("histogram", "L1", "PARALLEL_ACCUMULATES_INTO_ARRAY"),
            new Claim("lastValue", "L1", "PARALLEL_LIVE_OUT_SCALAR"),
            new Claim("foreignCall", "L1", "PARALLEL_UNSUPPORTED_CALL"),
            new Claim("fieldWrite", "L1", "PARALLEL_UNSUPPORTED_INSTRUCTION"));

    /**
     * Reasons produced by other tests, whose examples cannot be javac-compiled methods of an example class:
     * {@code NO_STACK_MAP_FRAME} needs a class file without frames ({@link #classFileWithoutFrames_getsNoStackMapFrame}),
     * {@code METHOD_TOO_LARGE} a loop body of hundreds of terms ({@code codegen.SimdMethodBudgetTest} generates
     * one).
     */
    private static final Set<RejectionReason> PRODUCED_ELSEWHERE =
            EnumSet.of(RejectionReason.NO_STACK_MAP_FRAME, RejectionReason.METHOD_TOO_LARGE);

    /**
     * Reasons the compiler no longer produces, kept as stable names for older reports: {@code MIXED_ELEMENT_SIZES}
     * (conversions between element sizes are vectorised); the document says so.
     */
    private static final Set<RejectionReason> RETIRED = EnumSet.of(RejectionReason.MIXED_ELEMENT_SIZES);

    @TestFactory
    Stream<DynamicTest> everyClaim_matchesTheCompilersVerdict() {
        return Stream.concat(
                claims(ReasonExamples.class, CLAIMS), claims(ParallelRejectedKernels.class, PARALLEL_CLAIMS));
    }

    private static Stream<DynamicTest> claims(Class<?> kernels, List<Claim> claims) {
        ClassReport report = RewriteHarness.compile(kernels).rewrite().report();
        return claims.stream()
                .map(claim -> DynamicTest.dynamicTest(
                        claim.method() + " " + claim.loopId() + " " + claim.expected(),
                        () -> assertEquals(claim.expected(), outcome(loop(report, claim)), claim.toString())));
    }

    @Test
    void everyReason_isProducedByAnExampleOrByTheTestNamedForIt() {
        Set<String> produced = Stream.concat(CLAIMS.stream(), PARALLEL_CLAIMS.stream())
                .map(Claim::expected)
                .collect(Collectors.toSet());

        for (RejectionReason reason : RejectionReason.values()) {
            if (RETIRED.contains(reason)) {
                assertTrue(!produced.contains(reason.name()), reason + " is retired: no example may claim it");
                continue;
            }
            assertTrue(
                    produced.contains(reason.name()) != PRODUCED_ELSEWHERE.contains(reason),
                    reason + ": add an example to ReasonExamples and docs/reasons.md");
        }
    }

    @Test
    void document_hasASectionWithTheSentenceForEveryReason() throws IOException {
        String document = Files.readString(DOCUMENT);

        for (RejectionReason reason : RejectionReason.values()) {
            assertTrue(document.contains("\n## `" + reason.name() + "`\n"), "no section for " + reason);
            assertTrue(document.contains("> " + reason.sentence()), "the sentence of " + reason + " is not quoted");
        }
        assertTrue(document.contains("\n## Left to C2\n"));
    }

    @Test
    void document_quotesOnlyCodeThatIsInTheExamples() throws IOException {
        String examples = normalise(Files.readString(KERNELS.resolve("ReasonExamples.java")) + "\n"
                + Files.readString(KERNELS.resolve("ParallelRejectedKernels.java")));
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOCUMENT));
        List<String> missing = new ArrayList<>();
        int blocks = 0;

        while (block.find()) {
            blocks++;
            if (!examples.contains(normalise(block.group(1)))) {
                missing.add(block.group(1));
            }
        }

        assertTrue(blocks >= 30, "only " + blocks + " code blocks found");
        if (!missing.isEmpty()) {
            fail("code in docs/reasons.md that the example classes do not contain:\n" + String.join("\n", missing));
        }
    }

    @Test
    void classFileWithoutFrames_getsNoStackMapFrame() {
        ClassWriter writer = new ClassWriter(0);
        ClassVisitor downgrade = new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(
                    int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_5, access, name, signature, superName, interfaces);
            }
        };
        new ClassReader(RewriteHarness.classBytes(ReasonExamples.class)).accept(downgrade, ClassReader.SKIP_FRAMES);

        ClassReport report = new StrideCompiler(CompilerOptions.defaults())
                .compile(writer.toByteArray())
                .report();

        assertEquals(
                "NO_STACK_MAP_FRAME", outcome(loop(report, new Claim("unsupportedConditionAfter", "L1", "(any)"))));
    }

    /** Lines stripped of indentation, blank lines dropped: the document may indent less than the class does. */
    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }

    private static LoopReport loop(ClassReport report, Claim claim) {
        MethodReport method = report.methods().stream()
                .filter(m -> m.name().equals(claim.method()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no annotated method " + claim.method()));
        return method.loops().stream()
                .filter(l -> l.id().equals(claim.loopId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(claim.method() + " has no loop " + claim.loopId()));
    }

    private static String outcome(LoopReport loop) {
        return switch (loop.verdict()) {
            case LoopVerdict.Vectorized v -> v.kind();
            case LoopVerdict.Parallel p -> p.kind();
            case LoopVerdict.LeftToC2 c2 -> c2.kind();
            case LoopVerdict.Rejected r -> r.reason().name();
            case LoopVerdict.PartOfOuter p -> p.kind();
        };
    }
}
