package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Expr;

/**
 * The {@code dev.stride.Prange.prange(int)} marker. It returns its argument unchanged, so for every analysis it
 * is a pure function of its argument: loop-invariant when the argument is, and a loop bound whose value is the
 * argument.
 */
public final class PrangeMarker {
    /** The marker's owner class. */
    public static final String OWNER = "dev/stride/Prange";

    /** The marker's method name. */
    public static final String NAME = "prange";

    /** The marker's descriptor. */
    public static final String DESCRIPTOR = "(I)I";

    private PrangeMarker() {}

    /**
     * Whether an expression is a call of the marker.
     *
     * @param e an expression
     * @return true for {@code prange(x)}
     */
    public static boolean is(Expr e) {
        return e instanceof Expr.Call call
                && call.isStatic()
                && call.owner().equals(OWNER)
                && call.name().equals(NAME)
                && call.descriptor().equals(DESCRIPTOR);
    }

    /**
     * The value of a marker call: its argument.
     *
     * @param call a marker call ({@link #is} holds)
     * @return the argument
     */
    public static Expr argument(Expr call) {
        return ((Expr.Call) call).arguments().getFirst();
    }
}
