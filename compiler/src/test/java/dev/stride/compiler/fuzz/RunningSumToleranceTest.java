package dev.stride.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.fuzz.Kernel.Param;
import dev.stride.compiler.fuzz.Kernel.Role;
import dev.stride.compiler.fuzz.Kernel.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The oracle's fastmath bound for running sums held in arrays (prefix sums, recurrences, invariant stores), checked
 * against hand-written stand-ins for the rewritten method: no branch merged so far reassociates such a loop, so
 * without these tests the bound would be untested until one does. A scan reassociated the way a 4-lane SIMD scan
 * does (Hillis-Steele steps inside a vector, then the carried total) must pass under fastmath and fail without
 * it; a scan that is wrong by one term must fail even under fastmath.
 */
class RunningSumToleranceTest {
    private static final int TRIALS = 56;
    private static final long SEED = 42;
    /** One compiler for every class of the test: its file manager is the expensive part. */
    private static final InMemoryJavac JAVAC = new InMemoryJavac();

    private static final String PLAIN_PREFIX_SUM = """
            public static double scan(double[] a, double[] out) {
                double sum = 0.0;
                for (int i = 0; i < a.length; i++) {
                    sum += a[i];
                    out[i] = sum;
                }
                return sum;
            }
            """;

    /** Four lanes: in-vector prefix by two shift-and-add steps, then the carry; a scalar tail. */
    private static final String LANE_PREFIX_SUM = """
            public static double scan(double[] a, double[] out) {
                double carry = 0.0;
                int i = 0;
                for (; i + 4 <= a.length; i += 4) {
                    double x0 = a[i], x1 = a[i + 1], x2 = a[i + 2], x3 = a[i + 3];
                    double y1 = x1 + x0, y2 = x2 + x1, y3 = x3 + x2;
                    double z2 = y2 + x0, z3 = y3 + y1;
                    out[i] = carry + x0;
                    out[i + 1] = carry + y1;
                    out[i + 2] = carry + z2;
                    out[i + 3] = carry + z3;
                    carry = out[i + 3];
                }
                for (; i < a.length; i++) {
                    carry += a[i];
                    out[i] = carry;
                }
                return carry;
            }
            """;

    /** Wrong by one term: the last element of every vector misses its own input. */
    private static final String WRONG_PREFIX_SUM = LANE_PREFIX_SUM.replace("z3 = y3 + y1", "z3 = x2 + y1");

    private static final String PLAIN_TOTAL = """
            public static void total(double[] a, double[] total) {
                total[0] = 0.0;
                for (int i = 0; i < a.length; i++) {
                    total[0] += a[i];
                }
            }
            """;

    /** Two partial sums, combined after the loop, as a vectorised reduction into memory would. */
    private static final String PAIRWISE_TOTAL = """
            public static void total(double[] a, double[] total) {
                total[0] = 0.0;
                double even = 0.0, odd = 0.0;
                int i = 0;
                for (; i + 2 <= a.length; i += 2) {
                    even += a[i];
                    odd += a[i + 1];
                }
                for (; i < a.length; i++) {
                    even += a[i];
                }
                total[0] = even + odd;
            }
            """;

    @Test
    void reassociatedPrefixSum_passesUnderFastmath() throws Exception {
        Kernel kernel = prefixSum(true);

        String failure = trials(kernel, PLAIN_PREFIX_SUM, LANE_PREFIX_SUM);

        assertNull(failure);
    }

    @Test
    void reassociatedPrefixSum_failsWithoutFastmath() throws Exception {
        Kernel kernel = prefixSum(false);

        String failure = trials(kernel, PLAIN_PREFIX_SUM, LANE_PREFIX_SUM);

        assertNotNull(failure);
        assertTrue(failure.contains("afterwards") || failure.contains("result"), failure);
    }

    @Test
    void prefixSumMissingATerm_failsUnderFastmath() throws Exception {
        Kernel kernel = prefixSum(true);

        String failure = trials(kernel, PLAIN_PREFIX_SUM, WRONG_PREFIX_SUM);

        assertNotNull(failure);
    }

    @Test
    void reassociatedInvariantStore_passesUnderFastmath() throws Exception {
        Kernel kernel = total(true);

        String failure = trials(kernel, PLAIN_TOTAL, PAIRWISE_TOTAL);

        assertNull(failure);
    }

    @Test
    void reassociatedInvariantStore_failsWithoutFastmath() throws Exception {
        Kernel kernel = total(false);

        String failure = trials(kernel, PLAIN_TOTAL, PAIRWISE_TOTAL);

        assertNotNull(failure);
    }

    /** The model of {@link #PLAIN_PREFIX_SUM}, from which {@link KernelSource} writes the scale companion. */
    private static Kernel prefixSum(boolean fastmath) {
        Expr read = new Expr.Read(Kind.DOUBLE, "a", new Expr.Index("i", 0));
        List<Stmt> body = List.of(
                new Stmt.Assign("sum", "+=", read),
                new Stmt.Store("out", new Expr.Index("i", 0), new Expr.Var(Kind.DOUBLE, "sum")));
        List<Stmt> statements = List.of(
                new Stmt.Declare(Kind.DOUBLE, "sum", new Expr.Const(Kind.DOUBLE, 0)),
                loop(body),
                new Stmt.Return(new Expr.Var(Kind.DOUBLE, "sum")));
        List<Param> parameters =
                List.of(new Param(Kind.DOUBLE, 1, "a", Role.ARRAY), new Param(Kind.DOUBLE, 1, "out", Role.ARRAY));
        return new Kernel(
                "scan",
                fastmath,
                Kind.DOUBLE,
                parameters,
                statements,
                List.of("sum"),
                new Shape(Family.SCAN, "prefix-sum"),
                fastmath ? List.of("out") : List.of());
    }

    /** The model of {@link #PLAIN_TOTAL}. */
    private static Kernel total(boolean fastmath) {
        Expr read = new Expr.Read(Kind.DOUBLE, "a", new Expr.Index("i", 0));
        Expr cell = new Expr.Const(Kind.INT, 0);
        List<Stmt> statements = List.of(
                new Stmt.Store("total", cell, new Expr.Const(Kind.DOUBLE, 0)),
                loop(List.of(new Stmt.Assign("total[0]", "+=", read))));
        List<Param> parameters =
                List.of(new Param(Kind.DOUBLE, 1, "a", Role.ARRAY), new Param(Kind.DOUBLE, 1, "total", Role.ARRAY));
        return new Kernel(
                "total",
                fastmath,
                null,
                parameters,
                statements,
                List.of("total[0]"),
                new Shape(Family.CARRIED, "invariant-store"),
                fastmath ? List.of("total") : List.of());
    }

    private static Stmt loop(List<Stmt> body) {
        return new Stmt.Loop("i", new Expr.Const(Kind.INT, 0), "<", new Expr.Var(Kind.INT, "a.length"), 1, false, body);
    }

    /**
     * Runs the fuzzer's trials with the kernel's generated source (and scale companion) as the plain class and a
     * hand-written method as the rewritten one.
     */
    private static String trials(Kernel kernel, String plainMethod, String rewrittenMethod) throws Exception {
        String generated = KernelSource.render("Plain", List.of(kernel));
        assertTrue(
                generated.contains(plainMethod.lines().findFirst().orElseThrow().trim()), generated);
        Class<?> plain = load("Plain", generated);
        Class<?> rewritten = load("Rewritten", unit("Rewritten", rewrittenMethod));
        return new KernelTrials(kernel, plain, rewritten, TRIALS).run(SEED);
    }

    private static Class<?> load(String simpleName, String source) throws Exception {
        String binaryName = KernelSource.PACKAGE + "." + simpleName;
        return MemoryLoader.load(binaryName, JAVAC.compile(binaryName, source));
    }

    private static String unit(String simpleName, String method) {
        return "package " + KernelSource.PACKAGE + ";\n\npublic final class " + simpleName + " {\n" + method + "}\n";
    }
}
