package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.BinaryOp;
import dev.stride.compiler.ir.Condition;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Variable;
import dev.stride.compiler.report.RejectionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks that every expression of a loop body has a lanewise equivalent, collecting array accesses and the
 * kinds of all vector values on the way. Loop-invariant subtrees are exempt: they are computed once, in scalar
 * form, and broadcast.
 */
final class BodyCheck {
    private final Function function;
    private final Invariance invariance;
    private final Variable inductionVariable;
    private final Set<Variable> accumulators;
    private final boolean fastmath;
    final List<ArrayAccess> accesses = new ArrayList<>();
    final List<Kind> vectorKinds = new ArrayList<>();
    boolean approximateMath;
    /** Why the inliner left calls in place, by callee; quoted when such a call blocks the loop. */
    java.util.Map<String, String> notInlined = java.util.Map.of();

    BodyCheck(Function function, Invariance invariance, Variable iv, Set<Variable> accumulators, boolean fastmath) {
        this.function = function;
        this.invariance = invariance;
        this.inductionVariable = iv;
        this.accumulators = accumulators;
        this.fastmath = fastmath;
    }

    /** @return whether fastmath is on for the method */
    boolean fastmath() {
        return fastmath;
    }

    /** Checks a value that is computed per lane. */
    void value(Expr e) {
        if (invariance.isInvariant(e)) {
            invariantValue(e);
            return;
        }
        vectorKinds.add(e.kind());
        switch (e) {
            case Expr.Const c -> {
                // constants are invariant; unreachable
            }
            case Expr.Read read -> read(read);
            case Expr.Binary binary -> binary(binary);
            case Expr.Negate negate -> value(negate.operand());
            case Expr.Convert convert -> convert(convert);
            case Expr.Compare compare ->
                throw new Rejection(
                        RejectionReason.UNSUPPORTED_INSTRUCTION, e.line(), "a comparison result is used as a number");
            case Expr.ArrayLoad load -> load(load);
            case Expr.ArrayLength length ->
                throw new Rejection(
                        RejectionReason.ARRAY_NOT_INVARIANT,
                        e.line(),
                        "the length of an array that changes inside the loop");
            case Expr.Call call -> call(call);
            case Expr.FieldLoad field ->
                throw new Rejection(
                        RejectionReason.UNSUPPORTED_INSTRUCTION,
                        e.line(),
                        "reads field '" + field.name() + "' inside the loop (copy it into a local before the loop)");
            case Expr.Opaque opaque ->
                throw new Rejection(RejectionReason.UNSUPPORTED_INSTRUCTION, e.line(), opaque.what());
        }
    }

    /** Checks a branch condition of the body. */
    void condition(Condition condition, int line) {
        if (NanTest.operand(condition) != null) {
            value(NanTest.operand(condition));
            return;
        }
        if (condition.left() instanceof Expr.Compare compare) {
            value(compare.left());
            value(compare.right());
            return;
        }
        if (condition.left().kind() == Kind.REF) {
            throw new Rejection(RejectionReason.UNSUPPORTED_INSTRUCTION, line, "compares object references");
        }
        value(condition.left());
        value(condition.right());
    }

    private void invariantValue(Expr e) {
        if (e.kind() == Kind.REF) {
            throw new Rejection(RejectionReason.UNSUPPORTED_TYPE, e.line(), "an object value is used as a number");
        }
        dev.stride.compiler.frontend.ExprWalk.forEach(e, node -> {
            if (node instanceof Expr.Binary b && isIntegerDivision(b)) {
                throw new Rejection(
                        RejectionReason.INTEGER_DIVISION,
                        b.line(),
                        "integer '" + b.op().symbol() + "' (hoist it out of the loop into a local)");
            }
        });
    }

    private void read(Expr.Read read) {
        Variable variable = read.variable();
        if (variable.equals(inductionVariable)) {
            return; // lanes i, i+1, ...: an int vector made from the step's first index (see BodyEmitter)
        }
        if (accumulators.contains(variable)) {
            throw new Rejection(
                    RejectionReason.LOOP_CARRIED_SCALAR,
                    read.line(),
                    "'" + function.nameOf(variable) + "' is read inside the loop besides its own update");
        }
    }

    private void binary(Expr.Binary binary) {
        if (isIntegerDivision(binary)) {
            throw new Rejection(
                    RejectionReason.INTEGER_DIVISION,
                    binary.line(),
                    "integer '" + binary.op().symbol() + "' inside the loop");
        }
        if (binary.op() == BinaryOp.REM) {
            throw new Rejection(RejectionReason.UNSUPPORTED_INSTRUCTION, binary.line(), "floating-point remainder %");
        }
        value(binary.left());
        value(binary.right());
    }

    private static boolean isIntegerDivision(Expr.Binary binary) {
        return !binary.kind().isFloating() && (binary.op() == BinaryOp.DIV || binary.op() == BinaryOp.REM);
    }

    /**
     * A conversion between int, long, float and double is lanewise (the Vector API's conversions are Java's
     * casts); the loop's lane count is then set by its widest kind ({@link VectorizationAnalysis#laneKind}).
     * {@code (long) i} and {@code (double) i} of the induction variable are made directly in the wider kind as
     * {@code broadcast((double) i) + lane}, which is exact (every int is a double, and adding a small lane number
     * stays exact below 2^53); {@code (float) i} converts the int lanes {@code i + lane}, because float rounds
     * ints above 2^24 and rounding {@code i} before adding the lane would differ.
     */
    private void convert(Expr.Convert convert) {
        if (convert.operand() instanceof Expr.Read read
                && read.variable().equals(inductionVariable)
                && (convert.kind() == Kind.LONG || convert.kind() == Kind.DOUBLE)) {
            return;
        }
        value(convert.operand());
    }

    private void load(Expr.ArrayLoad load) {
        accesses.add(access(load.array(), load.index(), false, load.elementKind(), load.line()));
    }

    /** Checks an array store's target and records it. */
    void store(Expr array, Expr index, Kind elementKind, int line) {
        accesses.add(access(array, index, true, elementKind, line));
    }

    private ArrayAccess access(Expr array, Expr index, boolean store, Kind elementKind, int line) {
        if (!elementKind.isVectorizable()) {
            throw new Rejection(
                    RejectionReason.UNSUPPORTED_TYPE, line, "accesses a " + elementKind.javaName() + "[] array");
        }
        ArrayAccess.ArrayBase base = base(array, line);
        if (store && invariance.isInvariant(index)) {
            throw new Rejection(
                    RejectionReason.INVARIANT_STORE,
                    line,
                    "every iteration writes the same element (index fixed during the loop); accumulate in a local"
                            + " and store it once after the loop");
        }
        Expr offset = affineOffset(index, line);
        Integer constant = offset instanceof Expr.Const c ? (Integer) c.value() : null;
        vectorKinds.add(elementKind);
        return new ArrayAccess(base, offset, constant, store, elementKind, line);
    }

    private ArrayAccess.ArrayBase base(Expr array, int line) {
        ArrayAccess.ArrayBase base = AffineIndex.base(array, invariance);
        if (base == null) {
            throw new Rejection(
                    RejectionReason.ARRAY_NOT_INVARIANT,
                    line,
                    "the array accessed is not a local variable (or a row of one) fixed during the loop");
        }
        return base;
    }

    private Expr affineOffset(Expr index, int line) {
        Expr offset = AffineIndex.offset(index, inductionVariable, invariance);
        if (offset == null) {
            throw new Rejection(
                    RejectionReason.NON_AFFINE_INDEX,
                    line,
                    "an array index is not '" + function.nameOf(inductionVariable)
                            + " + c' with c fixed during the loop");
        }
        return offset;
    }

    private void call(Expr.Call call) {
        String operator = MathCalls.isMath(call) ? MathCalls.operator(call) : null;
        if (operator == null || !MathCalls.appliesTo(call)) {
            String reason = notInlined.get(dev.stride.compiler.transform.HelperInliningPass.key(call));
            if (reason != null) {
                throw new Rejection(
                        RejectionReason.CALL_NOT_INLINED,
                        call.line(),
                        "calls " + call.owner().replace('/', '.') + "." + call.name() + ": " + reason);
            }
            String helper = call.owner().equals(function.owner()) && call.isStatic()
                    ? " (a helper is inlined only when its body is straight-line code or conditionals over its"
                            + " parameters: no loops, array or field access, or other calls)"
                    : "";
            throw new Rejection(
                    RejectionReason.UNSUPPORTED_CALL,
                    call.line(),
                    "calls " + call.owner().replace('/', '.') + "." + call.name() + helper);
        }
        if (MathCalls.isApproximate(call)) {
            if (!fastmath) {
                throw new Rejection(
                        RejectionReason.NEEDS_FASTMATH_MATH,
                        call.line(),
                        "Math." + call.name() + " needs @Jit(fastmath = true) to use the Vector API's version");
            }
            approximateMath = true;
        }
        for (Expr argument : call.arguments()) {
            value(argument);
        }
    }
}
