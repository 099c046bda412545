package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import dev.stride.compiler.report.RejectionReason;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proves that the iterations of a {@code prange} loop touch disjoint array elements, or refuses the loop.
 *
 * <p>The rule, for the parallel loop's induction variable {@code i} (statements of nested loops included):
 *
 * <ol>
 *   <li>every array write is {@code a[i + c]} with an array variable {@code a} and an offset {@code c} that the
 *       loop never changes, and all writes to {@code a} use the same {@code c}: iteration {@code i} then owns
 *       element {@code i + c} of {@code a}, and no two iterations write the same element;
 *   <li>every read of a written array {@code a} is at that same {@code i + c}: no iteration reads an element
 *       another one writes;
 *   <li>two different array variables of the same element type may be the same array at run time. When their
 *       indices differ, the pair is checked before the loop ({@code a != b}); if they are the same array the
 *       original loop runs serially;
 *   <li>rows of an array of arrays ({@code m[i][j]}, or a local assigned {@code m[i]}) are read without a check:
 *       that no row is an array the loop writes is an assumption, listed in the report.
 * </ol>
 *
 * <p>Writes to rows of arrays of arrays are refused: rows may be shared, and checking them would cost a pass
 * over the rows.
 */
final class ParallelRaceAnalysis {

    private record Write(Variable array, String offset, Kind kind, int line) {}

    /**
     * The outcome.
     *
     * @param aliasChecks pairs of array variables that must be different arrays
     * @param assumptions what is trusted, in words
     */
    record Result(List<List<Variable>> aliasChecks, List<String> assumptions) {}

    private final Function function;
    private final Variable iv;
    private final Invariance invariance;
    private final Map<Variable, Write> writes = new HashMap<>();
    private final Set<List<Variable>> aliasChecks = new LinkedHashSet<>();
    private final Set<String> assumptions = new LinkedHashSet<>();
    private final Set<Variable> rowLocals = new LinkedHashSet<>();

    private ParallelRaceAnalysis(Function function, Variable iv, Invariance invariance) {
        this.function = function;
        this.iv = iv;
        this.invariance = invariance;
    }

    /**
     * Checks the array accesses of a loop.
     *
     * @param function the function
     * @param iv the parallel loop's induction variable
     * @param invariance the parallel loop's invariance
     * @param statements every statement of the loop but the header test and the increment
     * @return the alias checks and assumptions
     * @throws Rejection when iterations may race
     */
    static Result analyze(Function function, Variable iv, Invariance invariance, List<Stmt> statements) {
        ParallelRaceAnalysis analysis = new ParallelRaceAnalysis(function, iv, invariance);
        analysis.findRowLocals(statements);
        for (Stmt stmt : statements) {
            if (stmt instanceof Stmt.ArrayStore store) {
                analysis.write(store);
            }
        }
        for (Stmt stmt : statements) {
            for (Expr operand : StmtOperands.of(stmt)) {
                ExprWalk.forEach(operand, e -> {
                    if (e instanceof Expr.ArrayLoad load && load.elementKind() != Kind.REF) {
                        analysis.read(load);
                    }
                });
            }
        }
        return new Result(List.copyOf(analysis.aliasChecks), List.copyOf(analysis.assumptions));
    }

    /** Locals whose every assignment in the loop is a row {@code m[r]} of an invariant array of arrays. */
    private void findRowLocals(List<Stmt> statements) {
        Set<Variable> other = new LinkedHashSet<>();
        for (Stmt stmt : statements) {
            if (stmt instanceof Stmt.Store store) {
                (isRowOfInvariant(store.value()) ? rowLocals : other).add(store.variable());
            }
        }
        rowLocals.removeAll(other);
    }

    private boolean isRowOfInvariant(Expr e) {
        return e instanceof Expr.ArrayLoad row
                && row.elementKind() == Kind.REF
                && row.array() instanceof Expr.Read matrix
                && invariance.isInvariant(matrix);
    }

    private void write(Stmt.ArrayStore store) {
        if (store.elementKind() == Kind.REF) {
            throw race(store.line(), "stores an object reference into an array shared by all iterations");
        }
        Expr offset = AffineIndex.offset(store.index(), iv, invariance);
        String name = arrayName(store.array());
        if (offset == null) {
            if (accumulates(store)) {
                throw new Rejection(
                        RejectionReason.PARALLEL_ACCUMULATES_INTO_ARRAY,
                        store.line(),
                        "'" + name + "' is read, updated and written back at an index that is not " + ivName()
                                + " + c, so two iterations may update the same element");
            }
            throw race(
                    store.line(),
                    "'" + name + "' is written at an index that is not " + ivName()
                            + " + c (with c fixed in the loop), so two iterations may write the same element");
        }
        ArrayAccess.ArrayBase base = AffineIndex.base(store.array(), invariance);
        if (base == null || base.isRow()) {
            throw race(
                    store.line(),
                    "writes an element of '" + name + "', an array that changes in the loop or a row of an array of"
                            + " arrays (rows may be shared between iterations)");
        }
        Write write = new Write(base.variable(), ExprKey.of(offset), store.elementKind(), store.line());
        Write earlier = writes.putIfAbsent(base.variable(), write);
        if (earlier != null && !earlier.offset().equals(write.offset())) {
            throw race(
                    store.line(),
                    "'" + name + "' is written at two different offsets from " + ivName()
                            + ", so one iteration writes an element another one writes");
        }
        for (Write other : writes.values()) {
            if (other.kind() == write.kind()
                    && !other.array().equals(write.array())
                    && !other.offset().equals(write.offset())) {
                aliasChecks.add(List.of(other.array(), write.array()));
            }
        }
    }

    private void read(Expr.ArrayLoad load) {
        ArrayAccess.ArrayBase base = AffineIndex.base(load.array(), invariance);
        Expr offset = AffineIndex.offset(load.index(), iv, invariance);
        String key = offset == null ? null : ExprKey.of(offset);
        if (base == null || base.isRow()) {
            readThroughRow(load);
            return;
        }
        Write own = writes.get(base.variable());
        if (own != null && !own.offset().equals(key)) {
            throw race(
                    load.line(),
                    "'" + function.nameOf(base.variable()) + "' is written at " + ivName()
                            + " + c and read at another index, so one iteration may read an element another one"
                            + " writes");
        }
        for (Write write : writes.values()) {
            if (write.kind() == load.elementKind()
                    && !write.array().equals(base.variable())
                    && !write.offset().equals(key)) {
                aliasChecks.add(List.of(write.array(), base.variable()));
            }
        }
    }

    private void readThroughRow(Expr.ArrayLoad load) {
        boolean written = writes.values().stream().anyMatch(w -> w.kind() == load.elementKind());
        if (!written) {
            return;
        }
        boolean row = isRowOfInvariant(load.array())
                || load.array() instanceof Expr.Read read && rowLocals.contains(read.variable());
        if (!row) {
            throw race(
                    load.line(),
                    "reads '" + arrayName(load.array()) + "', an array that changes in the loop and may be one the"
                            + " loop writes");
        }
        assumptions.add("rows of arrays of arrays read in the loop ('" + arrayName(load.array())
                + "') are not arrays the loop writes (not checked)");
    }

    /** {@code a[x] = ... a[x] ...}: a read-modify-write of one element, as in {@code hist[x[i]]++}. */
    private static boolean accumulates(Stmt.ArrayStore store) {
        String array = ExprKey.of(store.array());
        String index = ExprKey.of(store.index());
        boolean[] found = {false};
        ExprWalk.forEach(
                store.value(),
                e -> found[0] |= e instanceof Expr.ArrayLoad load
                        && ExprKey.of(load.array()).equals(array)
                        && ExprKey.of(load.index()).equals(index));
        return found[0];
    }

    private String arrayName(Expr array) {
        return switch (array) {
            case Expr.Read read -> function.nameOf(read.variable());
            case Expr.ArrayLoad row -> arrayName(row.array()) + "[...]";
            default -> "an array";
        };
    }

    private String ivName() {
        return function.nameOf(iv);
    }

    private static Rejection race(int line, String detail) {
        return new Rejection(RejectionReason.PARALLEL_RACE_ARRAY_WRITE, line, detail);
    }
}
