package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Condition;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts the body of a candidate scan loop into straight-line form: the statements in execution order, with the
 * scan's single update among them. Returns null for any body that is not such a scan.
 *
 * <p>Bodies without branches are taken as they are; the update must be {@code s = s op e} (the shapes of {@link
 * ReductionAnalysis#operatorOf}). The one branch allowed is a NaN test ({@code Double.isNaN(x)} or {@code x != x})
 * forming a fill-forward, in either of two shapes:
 *
 * <pre>
 *   if (!isNaN(x)) s = x;                       (triangle: NaN lanes skip the update)
 *   if (isNaN(a[i])) a[i] = s; else s = a[i];   (diamond: NaN lanes write s back, the others update s)
 * </pre>
 *
 * Both become {@code s = fillNaN(s, x)} followed, for the diamond, by {@code a[i] = s}. That store is the same in
 * both arms: where {@code a[i]} is not NaN the new {@code s} is {@code a[i]}, so writing it back stores the bits
 * just loaded.
 */
final class ScanBody {

    /**
     * The straight-line body.
     *
     * @param statements the statements in order (no branches, jumps or the induction increment)
     * @param update the update of the scalar
     * @param operator its operator
     * @param operand the value combined into the scalar
     * @param negated whether the operand is subtracted
     */
    record Form(List<Stmt> statements, Stmt.Store update, Scan.Operator operator, Expr operand, boolean negated) {}

    private final Function function;
    private final CountedLoop counted;
    private final Variable scalar;
    private final List<Stmt> statements = new ArrayList<>();
    private final Set<Integer> consumed = new HashSet<>();
    private Stmt.Store update;
    private Scan.Operator operator;
    private Expr operand;
    private boolean negated;

    private ScanBody(Function function, CountedLoop counted, Variable scalar) {
        this.function = function;
        this.counted = counted;
        this.scalar = scalar;
    }

    /**
     * Puts a loop body into straight-line scan form.
     *
     * @param function the function
     * @param counted the counted loop
     * @param bodyOrder its body blocks in topological order
     * @param scalar the carried scalar
     * @return the form, or null when the body is not a scan of {@code scalar}
     */
    static Form of(Function function, CountedLoop counted, List<Integer> bodyOrder, Variable scalar) {
        ScanBody body = new ScanBody(function, counted, scalar);
        return body.walk(bodyOrder) ? body.form() : null;
    }

    private Form form() {
        return update == null ? null : new Form(List.copyOf(statements), update, operator, operand, negated);
    }

    private boolean walk(List<Integer> bodyOrder) {
        for (int id : bodyOrder) {
            if (consumed.contains(id)) {
                continue;
            }
            for (Stmt stmt : block(id).statements()) {
                if (!statement(id, stmt)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean statement(int blockId, Stmt stmt) {
        return switch (stmt) {
            case Stmt.Jump jump -> true;
            case Stmt.Branch branch -> fillForward(blockId, branch);
            case Stmt.Store store when store == counted.increment() -> true;
            case Stmt.Store store when store.variable().equals(scalar) -> operatorUpdate(store);
            default -> {
                statements.add(stmt);
                yield true;
            }
        };
    }

    private boolean operatorUpdate(Stmt.Store store) {
        Reduction.ReductionOp op = ReductionAnalysis.operatorOf(store.value(), scalar);
        if (op == null || update != null) {
            return false;
        }
        update = store;
        operator = Scan.Operator.of(op);
        operand = ReductionAnalysis.operandOf(store.value(), scalar);
        negated = store.value() instanceof Expr.Binary binary && binary.op() == dev.stride.compiler.ir.BinaryOp.SUB;
        statements.add(store);
        return true;
    }

    /** Matches the triangle or diamond of a fill-forward at a branch; consumes its arms. */
    private boolean fillForward(int blockId, Stmt.Branch branch) {
        Expr tested = nanTested(branch.condition());
        if (tested == null || update != null) {
            return false;
        }
        boolean takenOnNan = takenOnNan(branch.condition());
        int nanSide = takenOnNan ? branch.whenTrue() : branch.whenFalse();
        int valueSide = takenOnNan ? branch.whenFalse() : branch.whenTrue();
        Block value = block(valueSide);
        if (value.successors().size() != 1 || !onlyPredecessor(blockId, valueSide)) {
            return false;
        }
        int join = value.successors().getFirst();
        Stmt.Store assignment = singleAssignment(value, tested);
        if (assignment == null) {
            return false;
        }
        Stmt.ArrayStore writeBack = null;
        if (nanSide != join) {
            Block nan = block(nanSide);
            writeBack = writeBack(nan, tested);
            if (writeBack == null
                    || nan.successors().size() != 1
                    || nan.successors().getFirst() != join
                    || !onlyPredecessor(blockId, nanSide)) {
                return false;
            }
            consumed.add(nanSide);
        }
        consumed.add(valueSide);
        update = assignment;
        operator = Scan.Operator.FILL_NAN;
        operand = assignment.value();
        statements.add(assignment);
        if (writeBack != null) {
            statements.add(writeBack);
        }
        return true;
    }

    /** The tested operand of {@code isNaN(x)} or {@code x != x} / {@code x == x} on floating point, else null. */
    private static Expr nanTested(Condition condition) {
        Expr operand = NanTest.operand(condition);
        if (operand != null) {
            return operand.kind().isFloating() ? operand : null;
        }
        if (condition.left() instanceof Expr.Compare compare
                && compare.left().kind().isFloating()
                && ExprKey.of(compare.left()).equals(ExprKey.of(compare.right()))
                && condition.right() instanceof Expr.Const c
                && Integer.valueOf(0).equals(c.value())
                && (condition.op() == Condition.Relation.EQ || condition.op() == Condition.Relation.NE)) {
            return compare.left();
        }
        return null;
    }

    /** {@code x cmp x} is non-zero exactly when x is NaN; {@code isNaN(x) != 0} likewise. */
    private static boolean takenOnNan(Condition condition) {
        return condition.op() == Condition.Relation.NE;
    }

    /** The arm's single statement {@code s = x} (x the tested value), or null. */
    private Stmt.Store singleAssignment(Block arm, Expr tested) {
        List<Stmt> body = withoutJumps(arm);
        return body.size() == 1
                        && body.getFirst() instanceof Stmt.Store store
                        && store.variable().equals(scalar)
                        && ExprKey.of(store.value()).equals(ExprKey.of(tested))
                ? store
                : null;
    }

    /** The NaN arm's single statement {@code a[i] = s} where the tested value is {@code a[i]}, or null. */
    private Stmt.ArrayStore writeBack(Block arm, Expr tested) {
        List<Stmt> body = withoutJumps(arm);
        if (body.size() == 1
                && body.getFirst() instanceof Stmt.ArrayStore store
                && tested instanceof Expr.ArrayLoad load
                && store.value() instanceof Expr.Read read
                && read.variable().equals(scalar)
                && store.elementKind() == load.elementKind()
                && ExprKey.of(store.array()).equals(ExprKey.of(load.array()))
                && ExprKey.of(store.index()).equals(ExprKey.of(load.index()))) {
            return store;
        }
        return null;
    }

    private static List<Stmt> withoutJumps(Block block) {
        return block.statements().stream()
                .filter(s -> !(s instanceof Stmt.Jump))
                .toList();
    }

    /** Whether {@code from} is the only block of the loop that jumps to {@code to}. */
    private boolean onlyPredecessor(int from, int to) {
        for (int id : counted.loop().blocks()) {
            if (id != from && block(id).successors().contains(to)) {
                return false;
            }
        }
        return true;
    }

    private Block block(int id) {
        return function.blocks().get(id);
    }

    /**
     * Whether the scalar is read by a statement before its update (the previous iteration's value, which a scan
     * does not keep).
     *
     * @param form the straight-line body
     * @param scalar the scalar
     * @return true when some statement before the update reads it
     */
    static boolean readBeforeUpdate(Form form, Variable scalar) {
        for (Stmt stmt : form.statements()) {
            if (stmt == form.update()) {
                return false;
            }
            for (Expr e : StmtOperands.of(stmt)) {
                if (ExprWalk.reads(e, scalar)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the operand is well-typed for the operator: fill-forward needs a floating-point scalar.
     *
     * @param form the body
     * @param kind the scalar's kind
     * @return true when the combination is supported
     */
    static boolean supports(Form form, Kind kind) {
        return form.operator() != Scan.Operator.FILL_NAN || kind.isFloating();
    }
}
