package dev.stride.compiler.report;

/**
 * Why a loop was not optimised: one constant per rule, each with the sentence the report prints.
 *
 * <p>Reasons are stable identifiers (JSON reports and tests use the constant names); the sentences are for
 * people and may be refined. {@code docs/reasons.md} shows a before/after example for each.
 */
public enum RejectionReason {
    NOT_COUNTED("the loop is not a counted loop (no int induction variable stepped by a constant)"),
    BOUND_NOT_INVARIANT("the loop bound changes inside the loop"),
    UNSUPPORTED_CONDITION("the loop condition is not i < n or i <= n with i counting up"),
    NON_UNIT_STRIDE("the induction variable steps by more than 1"),
    MULTIPLE_EXITS("the loop has more than one exit (break, return or throw inside the loop)"),
    TRY_CATCH("the loop is inside or contains a try/catch region"),
    UNSUPPORTED_INSTRUCTION("the loop contains an instruction Stride does not vectorise"),
    UNSUPPORTED_CALL("the loop calls a method that is neither Math.sqrt/abs/min/max nor an inlinable helper"),
    CALL_NOT_INLINED(
            "the loop calls a Stride function the compiler could not inline (class not found, or a body with loops,"
                    + " memory access or calls of its own)"),
    NEEDS_FASTMATH_MATH("Math.exp/log/pow/sin/cos differ from the Vector API by up to 1 ulp; needs fastmath"),
    NEEDS_FASTMATH_REDUCTION(
            "reduction needs fastmath (floating-point + and * are not associative; a min/max written as a"
                    + " comparison keeps whichever of -0.0 and 0.0 comes first)"),
    SCAN_NEEDS_FASTMATH(
            "a running floating-point sum or product stored at every index (a scan) needs fastmath to be computed"
                    + " in SIMD order"),
    INTEGER_DIVISION("integer division or remainder is not vectorised (it throws on zero per element)"),
    NON_AFFINE_INDEX("an array index is not of the form i + c with a loop-invariant c"),
    ARRAY_NOT_INVARIANT("an array reference changes inside the loop"),
    /** A store whose index does not change in the loop: {@code total[0] += a[i]}, {@code out[k] = a[i]}. */
    INVARIANT_STORE("the loop writes the same array element in every iteration"),
    LOOP_CARRIED_ARRAY_DEPENDENCE("an array element written in one iteration is read in a later iteration"),
    MULTIPLE_STORES_SAME_ARRAY("the loop writes one array at two different offsets"),
    LOOP_CARRIED_SCALAR("a scalar carries a value from one iteration to the next and is not a reduction"),
    /**
     * A scalar assigned in the loop, read after it, and never read in the loop before its assignment in the same
     * iteration ({@code last = a[i]; ... return last}); one that is read first is {@link #LOOP_CARRIED_SCALAR}.
     */
    LIVE_OUT_SCALAR("a scalar written in the loop is read after the loop and is not a reduction"),
    /**
     * No longer produced: loops that convert between int, long, float and double are vectorised at the widest
     * kind's lane count. Kept so that reports and JSON consumers that name it still read.
     */
    MIXED_ELEMENT_SIZES("the loop mixes 32-bit and 64-bit element types"),
    UNSUPPORTED_TYPE("the loop computes with a type Stride does not vectorise (byte, short, char, boolean arrays)"),
    INNER_LOOP("the loop contains another loop that is not an outer-loop-vectorisable window"),
    NO_ARRAY_WORK("the loop reads or writes no arrays"),
    NO_STACK_MAP_FRAME("the class file has no stack map frame at the loop header (class file too old)"),
    /**
     * The loop's SIMD method, measured before the verdict, has more bytecode than {@code SimdMethodBudget.LIMIT}
     * (7000 bytes, below HotSpot's 8000-byte {@code HugeMethodLimit}) in every shape the emitter has.
     */
    METHOD_TOO_LARGE("the generated SIMD method would exceed the size limit for JIT compilation"),
    PARALLEL_SHAPE("a prange loop must read for (int i = start; i < prange(n); i++) with a single exit"),
    PARALLEL_RACE_ARRAY_WRITE(
            "iterations of a parallel loop may write the same array element, or read one another iteration writes"),
    PARALLEL_ACCUMULATES_INTO_ARRAY(
            "iterations of a parallel loop accumulate into a shared array element (a histogram); not a reduction"),
    PARALLEL_LIVE_OUT_SCALAR("a scalar written in a parallel loop is read after it and is not a reduction"),
    PARALLEL_UNSUPPORTED_CALL(
            "a parallel loop may call only Math and static methods of its own class (others may have effects)"),
    PARALLEL_UNSUPPORTED_INSTRUCTION(
            "a parallel loop contains an effect Stride cannot prove independent (field write, allocation, lock)");

    private final String sentence;

    RejectionReason(String sentence) {
        this.sentence = sentence;
    }

    /**
     * The reason in the user's terms, without the location.
     *
     * @return a sentence for the report
     */
    public String sentence() {
        return sentence;
    }
}
