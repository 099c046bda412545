package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Expr;
import java.util.Map;
import java.util.Set;

/**
 * The {@code java.lang.Math} methods Stride vectorises: exact ones always, and those whose Vector API lanes may
 * differ by 1 ulp only under fastmath.
 */
public final class MathCalls {
    /** Exact lanewise equivalents: name to Vector API operator name. */
    public static final Map<String, String> EXACT = Map.of("sqrt", "SQRT", "abs", "ABS", "min", "MIN", "max", "MAX");

    /** Lanewise equivalents within 1 ulp: name to Vector API operator name. */
    public static final Map<String, String> APPROXIMATE = Map.ofEntries(
            Map.entry("exp", "EXP"),
            Map.entry("log", "LOG"),
            Map.entry("log10", "LOG10"),
            Map.entry("pow", "POW"),
            Map.entry("sin", "SIN"),
            Map.entry("cos", "COS"),
            Map.entry("tan", "TAN"),
            Map.entry("atan", "ATAN"),
            Map.entry("tanh", "TANH"),
            Map.entry("expm1", "EXPM1"),
            Map.entry("log1p", "LOG1P"),
            Map.entry("cbrt", "CBRT"));

    private static final Set<String> FLOATING_ONLY = Set.of("sqrt");

    private MathCalls() {}

    /**
     * Whether a call is to {@code java.lang.Math}.
     *
     * @param call a call
     * @return true for Math methods
     */
    public static boolean isMath(Expr.Call call) {
        return call.owner().equals("java/lang/Math");
    }

    /**
     * The Vector API operator for a Math call, or null when there is none.
     *
     * @param call a Math call
     * @return the operator constant name in {@code VectorOperators}
     */
    public static String operator(Expr.Call call) {
        String exact = EXACT.get(call.name());
        return exact != null ? exact : APPROXIMATE.get(call.name());
    }

    /**
     * Whether the vectorised call may differ from {@code Math} (needs fastmath).
     *
     * @param call a Math call with an operator
     * @return true for transcendental functions
     */
    public static boolean isApproximate(Expr.Call call) {
        return APPROXIMATE.containsKey(call.name());
    }

    /**
     * Whether the operator applies to the call's kind (sqrt only to floating point, transcendental likewise).
     *
     * @param call a Math call
     * @return true when a lanewise operator exists for its kind
     */
    public static boolean appliesTo(Expr.Call call) {
        boolean floating = call.kind().isFloating();
        return floating || !(FLOATING_ONLY.contains(call.name()) || APPROXIMATE.containsKey(call.name()));
    }
}
