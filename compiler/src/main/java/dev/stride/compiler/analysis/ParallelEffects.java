package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.report.RejectionReason;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The effects a parallel loop body may have besides array writes: calls to {@code java.lang.Math}, to the
 * {@code prange} marker, and to static methods of the kernel's own class. Those helpers are trusted: Stride does
 * not look inside them, so that they write only what belongs to their iteration is the user's promise (the
 * {@code @Parallel} contract), and the report lists them. Everything else that can have an effect (other calls,
 * field writes, allocation, locks) refuses the loop.
 */
final class ParallelEffects {

    private ParallelEffects() {}

    /**
     * Checks the statements of a loop.
     *
     * @param function the function
     * @param statements the loop's statements
     * @return the trusted helpers called, as {@code Owner.name} joined by commas, or null when none
     * @throws Rejection at the first effect that is not allowed
     */
    static String check(Function function, List<Stmt> statements) {
        Set<String> helpers = new TreeSet<>();
        for (Stmt stmt : statements) {
            switch (stmt) {
                case Stmt.FieldStore field ->
                    throw new Rejection(
                            RejectionReason.PARALLEL_UNSUPPORTED_INSTRUCTION,
                            field.line(),
                            "writes field '" + field.name() + "', which every iteration shares");
                case Stmt.Opaque opaque ->
                    throw new Rejection(RejectionReason.PARALLEL_UNSUPPORTED_INSTRUCTION, opaque.line(), opaque.what());
                default -> {
                    // stores, array stores, branches, evaluations: their operands are checked below
                }
            }
            for (Expr operand : StmtOperands.of(stmt)) {
                ExprWalk.forEach(operand, e -> expression(function, e, helpers));
            }
        }
        return helpers.isEmpty() ? null : String.join(", ", helpers);
    }

    private static void expression(Function function, Expr e, Set<String> helpers) {
        if (e instanceof Expr.Opaque opaque) {
            throw new Rejection(RejectionReason.PARALLEL_UNSUPPORTED_INSTRUCTION, opaque.line(), opaque.what());
        }
        if (!(e instanceof Expr.Call call)) {
            return;
        }
        if (call.isStatic() && (call.owner().equals("java/lang/Math") || PrangeMarker.is(call))) {
            return;
        }
        if (call.isStatic() && call.owner().equals(function.owner())) {
            helpers.add(simpleName(call.owner()) + "." + call.name());
            return;
        }
        throw new Rejection(
                RejectionReason.PARALLEL_UNSUPPORTED_CALL,
                call.line(),
                "calls " + simpleName(call.owner()) + "." + call.name() + ", whose effects Stride cannot see");
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}
