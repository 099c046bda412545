package dev.stride.compiler.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.InvalidClassFileException;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.codegen.ClassVerification;
import dev.stride.compiler.kernels.HelperKernels;
import dev.stride.compiler.kernels.MapKernels;
import dev.stride.compiler.kernels.ParallelKernels;
import dev.stride.compiler.kernels.ReductionKernels;
import dev.stride.compiler.kernels.WindowKernels;
import dev.stride.compiler.testing.RewriteHarness;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A fuzzer over class-file bytes (issue #9): real kernel classes, truncated, with bytes flipped, with ranges
 * overwritten or duplicated, are given to the compiler. Each input must either be refused with {@link
 * InvalidClassFileException} (whose message says what was wrong) or compile to a result whose emitted classes pass
 * the verifier gate; any other exception, a hang or an invalid class is a failure that names the seed to replay.
 *
 * <p>{@code -Dstride.hostile.mutations=N} runs N mutations per class instead of the build's sample.
 */
class ClassFileMutationFuzzTest {
    private static final List<Class<?>> SEEDS = List.of(
            ReductionKernels.class, MapKernels.class, WindowKernels.class, HelperKernels.class, ParallelKernels.class);
    private static final int MUTATIONS = Integer.getInteger("stride.hostile.mutations", 120);
    private static final Duration BOUND_PER_INPUT = Duration.ofSeconds(20);

    @Test
    void mutatedClassFilesAreRefusedOrCompiledToValidClasses() {
        StrideCompiler compiler = new StrideCompiler(CompilerOptions.defaults());
        int refused = 0;
        int compiled = 0;
        for (Class<?> seedClass : SEEDS) {
            byte[] original = RewriteHarness.classBytes(seedClass);
            for (int k = 0; k < MUTATIONS; k++) {
                long seed = seedClass.getName().hashCode() * 31L + k;
                byte[] input = mutate(original, new SplittableRandom(seed));
                String where = seedClass.getSimpleName() + " mutation seed " + seed;
                Outcome outcome = assertTimeoutPreemptively(BOUND_PER_INPUT, () -> compileOne(compiler, input), where);
                if (outcome.refusal() != null) {
                    assertFalse(outcome.refusal().isBlank(), where + ": refusal without a message");
                    refused++;
                } else {
                    assertValid(outcome.rewrite(), where);
                    compiled++;
                }
            }
        }
        // both outcomes must occur, or the mutations are too weak (or too strong) to test anything
        assertFalse(refused == 0 || compiled == 0, "refused " + refused + ", compiled " + compiled);
    }

    private record Outcome(ClassRewrite rewrite, String refusal) {}

    private static Outcome compileOne(StrideCompiler compiler, byte[] input) {
        try {
            return new Outcome(compiler.compile(input), null);
        } catch (InvalidClassFileException e) {
            return new Outcome(null, e.getMessage());
        }
    }

    private static void assertValid(ClassRewrite rewrite, String where) {
        if (rewrite.changed()) {
            assertNull(ClassVerification.problem(rewrite.rewrittenClass()), where);
            rewrite.addedClasses().values().forEach(bytes -> assertNull(ClassVerification.problem(bytes), where));
        }
    }

    /** One to three random edits of the kinds that damaged or hand-edited class files show. */
    static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && bytes.length > 8; e++) {
            bytes = switch (random.nextInt(5)) {
                case 0 -> Arrays.copyOf(bytes, 8 + random.nextInt(bytes.length - 8));
                case 1 -> flip(bytes, random);
                case 2 -> overwrite(bytes, random);
                case 3 -> duplicate(bytes, random);
                default -> smallDelta(bytes, random);
            };
        }
        return bytes;
    }

    private static byte[] flip(byte[] bytes, SplittableRandom random) {
        int at = 8 + random.nextInt(bytes.length - 8);
        bytes[at] ^= (byte) (1 << random.nextInt(8));
        return bytes;
    }

    private static byte[] overwrite(byte[] bytes, SplittableRandom random) {
        int at = 8 + random.nextInt(bytes.length - 8);
        int length = Math.min(bytes.length - at, 1 + random.nextInt(16));
        for (int k = 0; k < length; k++) {
            bytes[at + k] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] duplicate(byte[] bytes, SplittableRandom random) {
        int at = 8 + random.nextInt(bytes.length - 8);
        int length = Math.min(bytes.length - at, 1 + random.nextInt(32));
        byte[] longer = new byte[bytes.length + length];
        System.arraycopy(bytes, 0, longer, 0, at + length);
        System.arraycopy(bytes, at, longer, at + length, bytes.length - at);
        return longer;
    }

    /** Changes one byte by a small amount: counts, indices and opcodes nudged to a neighbouring value. */
    private static byte[] smallDelta(byte[] bytes, SplittableRandom random) {
        int at = 8 + random.nextInt(bytes.length - 8);
        bytes[at] += (byte) (random.nextBoolean() ? 1 : -1);
        return bytes;
    }
}
