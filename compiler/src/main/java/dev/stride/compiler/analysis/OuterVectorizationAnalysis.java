package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.BinaryOp;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import dev.stride.compiler.report.RejectionReason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Outer-loop vectorisation of window loop nests:
 *
 * <pre>
 *   for (k = ...; k &lt; windows; k++) {          lanes = consecutive k
 *       start = from + k;  acc = 0;              int locals of the form k + rest: index helpers
 *       for (j = 0; j &lt; n; j++)                 trip count the same for every lane: scalar control flow
 *           acc += x[start + j];                 each lane accumulates its own window, in the original order
 *       out[start + n - 1] = acc / n;
 *   }
 * </pre>
 *
 * <p>Each lane computes exactly the scalar sequence of its own outer iteration, so the result is bit-identical
 * without fastmath. Requirements checked here: the outer loop is counted; its body is straight-line code and
 * innermost counted inner loops whose bounds and starts are invariant in the outer loop; every array index is
 * {@code k + rest} with {@code rest} built from outer-invariant values and inner induction variables (added with
 * coefficient 1); floating-point locals are private to one outer iteration; the loop writes only arrays it does not
 * read.
 */
public final class OuterVectorizationAnalysis {

    private OuterVectorizationAnalysis() {}

    /**
     * Analyses an outer loop.
     *
     * @param cfg the function's graph
     * @param liveness liveness
     * @param outer the outer loop (with children)
     * @param options the method's options
     * @return the plan
     * @throws Rejection when the nest cannot be outer-loop vectorised
     */
    public static VectorLoopPlan analyze(
            ControlFlowGraph cfg, Liveness liveness, Loop outer, VectorizationAnalysis.Options options) {
        Function function = cfg.function();
        Invariance invariance = new Invariance(cfg, outer);
        CountedLoop counted = CountedLoopAnalysis.analyze(cfg, outer, invariance);
        Nest nest = new Nest(cfg, liveness, outer, counted, invariance, options.fastmath());
        nest.walk();
        Kind laneKind = VectorizationAnalysis.laneKind(nest.check.vectorKinds, outer.line(), List.of());
        if (nest.accesses.isEmpty()) {
            throw new Rejection(RejectionReason.NO_ARRAY_WORK, outer.line(), "the nest touches no arrays");
        }
        List<List<ArrayAccess.ArrayBase>> aliasChecks = aliasChecks(function, nest.accesses);
        Map<Variable, String> descriptors = VectorizationAnalysis.parameterDescriptors(
                function, outer, liveness.liveIn(outer.header()), nest.accesses);
        int bits = VectorizationAnalysis.chooseBits(options.simdBits(), true);
        return new VectorLoopPlan(
                counted,
                VectorizationAnalysis.bodyOrder(cfg, outer),
                List.copyOf(descriptors.keySet()),
                descriptors,
                List.of(),
                List.copyOf(nest.accesses),
                aliasChecks,
                laneKind,
                bits,
                false,
                options.fastmath(),
                List.copyOf(nest.inner),
                Map.copyOf(nest.affine));
    }

    private static List<List<ArrayAccess.ArrayBase>> aliasChecks(Function function, List<ArrayAccess> accesses) {
        List<List<ArrayAccess.ArrayBase>> checks = new ArrayList<>();
        for (ArrayAccess store : accesses) {
            if (!store.store()) {
                continue;
            }
            for (ArrayAccess other : accesses) {
                if (other.base().equals(store.base()) && other != store) {
                    throw new Rejection(
                            RejectionReason.LOOP_CARRIED_ARRAY_DEPENDENCE,
                            store.line(),
                            "array '" + function.nameOf(store.base().variable())
                                    + "' is both written and accessed in the loop nest");
                }
                List<ArrayAccess.ArrayBase> pair = List.of(store.base(), other.base());
                if (!other.base().equals(store.base()) && !checks.contains(pair) && !checks.contains(pair.reversed())) {
                    checks.add(pair);
                }
            }
        }
        return checks;
    }

    /**
     * The rest of {@code e = k + rest}, or null when e is not of that form.
     *
     * @param e an int expression (affine locals already expanded)
     * @param k the vectorised induction variable
     * @param uniform which subexpressions are the same in every lane
     * @return the rest
     */
    public static Expr restOf(Expr e, Variable k, java.util.function.Predicate<Expr> uniform) {
        if (e instanceof Expr.Read read && read.variable().equals(k)) {
            return new Expr.Const(0, Kind.INT, e.line());
        }
        if (e instanceof Expr.Binary b && b.kind() == Kind.INT && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB)) {
            boolean leftHasK = ExprWalk.reads(b.left(), k);
            boolean rightHasK = ExprWalk.reads(b.right(), k);
            if (leftHasK && !rightHasK && uniform.test(b.right())) {
                Expr left = restOf(b.left(), k, uniform);
                return left == null ? null : new Expr.Binary(b.op(), left, b.right(), Kind.INT, b.line());
            }
            if (rightHasK && !leftHasK && b.op() == BinaryOp.ADD && uniform.test(b.left())) {
                Expr right = restOf(b.right(), k, uniform);
                return right == null ? null : new Expr.Binary(BinaryOp.ADD, b.left(), right, Kind.INT, b.line());
            }
        }
        return null;
    }

    /** Walks the nest once, classifying every statement. */
    private static final class Nest {
        final ControlFlowGraph cfg;
        final Function function;
        final Liveness liveness;
        final Loop outer;
        final CountedLoop counted;
        final Invariance invariance;
        final Map<Variable, Expr> affine = new LinkedHashMap<>();
        final Map<Variable, Expr> innerStarts = new LinkedHashMap<>();
        final List<VectorLoopPlan.InnerLoop> inner = new ArrayList<>();
        final List<ArrayAccess> accesses = new ArrayList<>();
        final Set<Variable> innerInductionVariables = new HashSet<>();
        final BodyCheck check;

        Nest(
                ControlFlowGraph cfg,
                Liveness liveness,
                Loop outer,
                CountedLoop counted,
                Invariance invariance,
                boolean fastmath) {
            this.cfg = cfg;
            this.function = cfg.function();
            this.liveness = liveness;
            this.outer = outer;
            this.counted = counted;
            this.invariance = invariance;
            this.check = new BodyCheck(function, invariance, counted.inductionVariable(), Set.of(), fastmath);
        }

        void walk() {
            Set<Integer> handled = new HashSet<>();
            for (Loop child : outer.children()) {
                innerLoop(child);
                handled.addAll(child.blocks());
            }
            Set<Variable> liveAtOuter = liveness.liveIn(outer.header());
            for (int id : VectorizationAnalysis.bodyOrder(cfg, outer)) {
                if (handled.contains(id)) {
                    continue;
                }
                Block block = function.blocks().get(id);
                for (Stmt stmt : block.statements()) {
                    if (stmt != counted.increment()) {
                        outerStatement(stmt, liveAtOuter);
                    }
                }
            }
            for (VectorLoopPlan.InnerLoop loop : inner) {
                if (loop.start() == null) {
                    throw new Rejection(
                            RejectionReason.INNER_LOOP,
                            loop.counted().loop().line(),
                            "inner loop '" + function.nameOf(loop.counted().inductionVariable())
                                    + "' is not started in the outer loop body");
                }
                Block body = function.blocks().get(loop.body());
                for (Stmt stmt : body.statements()) {
                    if (stmt != loop.counted().increment()) {
                        innerStatement(stmt);
                    }
                }
            }
        }

        private void innerLoop(Loop child) {
            if (!child.children().isEmpty()) {
                throw new Rejection(RejectionReason.INNER_LOOP, child.line(), "loops nested three deep");
            }
            CountedLoop innerCounted = CountedLoopAnalysis.analyze(cfg, child, new Invariance(cfg, child));
            if (!invariance.isInvariant(innerCounted.bound())) {
                throw new Rejection(
                        RejectionReason.INNER_LOOP,
                        child.line(),
                        "the trip count of inner loop " + child.id() + " differs between outer iterations");
            }
            if (child.blocks().size() != 2) {
                throw new Rejection(
                        RejectionReason.INNER_LOOP,
                        child.line(),
                        "inner loop " + child.id() + " has branches in its body");
            }
            innerInductionVariables.add(innerCounted.inductionVariable());
            inner.add(new VectorLoopPlan.InnerLoop(innerCounted, null, innerCounted.latch()));
        }

        private void outerStatement(Stmt stmt, Set<Variable> liveAtOuter) {
            switch (stmt) {
                case Stmt.Store store -> outerStore(store, liveAtOuter);
                case Stmt.ArrayStore store -> {
                    accesses.add(access(store.array(), store.index(), true, store.elementKind(), store.line()));
                    vector(store.value());
                }
                case Stmt.Jump jump -> {
                    // straight-line flow between the parts of the body
                }
                case Stmt.Branch branch -> {
                    if (!isInnerHeaderTest(branch)) {
                        throw new Rejection(
                                RejectionReason.INNER_LOOP,
                                branch.line(),
                                "the outer loop body has a condition (only straight-line code and inner loops)");
                    }
                }
                default ->
                    throw new Rejection(
                            RejectionReason.UNSUPPORTED_INSTRUCTION,
                            stmt.line(),
                            "statement not supported in an outer-loop vectorised nest");
            }
        }

        private boolean isInnerHeaderTest(Stmt.Branch branch) {
            for (VectorLoopPlan.InnerLoop loop : inner) {
                if (function.blocks().get(loop.counted().loop().header()).terminator() == branch) {
                    return true;
                }
            }
            return false;
        }

        private void outerStore(Stmt.Store store, Set<Variable> liveAtOuter) {
            Variable variable = store.variable();
            if (liveAtOuter.contains(variable)) {
                throw new Rejection(
                        RejectionReason.LOOP_CARRIED_SCALAR,
                        store.line(),
                        "'" + function.nameOf(variable) + "' carries a value from one outer iteration to the next");
            }
            if (innerInductionVariables.contains(variable)) {
                Expr start = ExprSubstitution.replace(store.value(), affine);
                if (!invariance.isInvariant(start)) {
                    throw new Rejection(
                            RejectionReason.INNER_LOOP,
                            store.line(),
                            "inner loop '" + function.nameOf(variable) + "' starts at a value that differs per lane");
                }
                setInnerStart(variable, start);
                return;
            }
            if (store.value().kind() == Kind.INT) {
                Expr rest = affineRest(store.value(), store.line());
                Expr k = new Expr.Read(counted.inductionVariable(), Kind.INT, store.line());
                affine.put(variable, new Expr.Binary(BinaryOp.ADD, k, rest, Kind.INT, store.line()));
                return;
            }
            vector(store.value());
        }

        private void setInnerStart(Variable variable, Expr start) {
            for (int k = 0; k < inner.size(); k++) {
                VectorLoopPlan.InnerLoop loop = inner.get(k);
                if (loop.counted().inductionVariable().equals(variable) && loop.start() == null) {
                    inner.set(k, new VectorLoopPlan.InnerLoop(loop.counted(), start, loop.body()));
                    innerStarts.put(variable, start);
                    return;
                }
            }
        }

        private void innerStatement(Stmt stmt) {
            switch (stmt) {
                case Stmt.Store store -> {
                    if (store.value().kind() == Kind.INT || store.value().kind() == Kind.REF) {
                        throw new Rejection(
                                RejectionReason.UNSUPPORTED_INSTRUCTION,
                                store.line(),
                                "an int or object local is assigned in an inner loop of the nest");
                    }
                    vector(store.value());
                }
                case Stmt.Jump jump -> {
                    // back edge
                }
                default ->
                    throw new Rejection(
                            RejectionReason.UNSUPPORTED_INSTRUCTION,
                            stmt.line(),
                            "inner loops of an outer-loop vectorised nest may only compute into locals");
            }
        }

        /** The rest of an int expression {@code k + rest}; affine locals are expanded. */
        private Expr affineRest(Expr value, int line) {
            Expr expanded = ExprSubstitution.replace(value, affine);
            Expr rest = restOf(expanded);
            if (rest == null) {
                throw new Rejection(
                        RejectionReason.NON_AFFINE_INDEX,
                        line,
                        "an int value is not '" + function.nameOf(counted.inductionVariable()) + " + c'");
            }
            return rest;
        }

        private Expr restOf(Expr e) {
            return OuterVectorizationAnalysis.restOf(e, counted.inductionVariable(), this::isUniform);
        }

        /** Outer-invariant, possibly plus inner induction variables. */
        private boolean isUniform(Expr e) {
            boolean[] uniform = {true};
            ExprWalk.forEach(e, node -> {
                if (node instanceof Expr.Read read
                        && !innerInductionVariables.contains(read.variable())
                        && invariance.isAssigned(read.variable())) {
                    uniform[0] = false;
                }
                if (node instanceof Expr.ArrayLoad
                        || node instanceof Expr.FieldLoad
                        || node instanceof Expr.Opaque
                        || node instanceof Expr.Call) {
                    uniform[0] = false;
                }
            });
            return uniform[0];
        }

        private ArrayAccess access(Expr array, Expr index, boolean store, Kind elementKind, int line) {
            ArrayAccess.ArrayBase base = AffineIndex.base(array, invariance);
            if (base == null || base.isRow()) {
                throw new Rejection(
                        RejectionReason.ARRAY_NOT_INVARIANT,
                        line,
                        "the array accessed is not a local variable fixed during the nest");
            }
            if (!elementKind.isVectorizable()) {
                throw new Rejection(
                        RejectionReason.UNSUPPORTED_TYPE, line, "accesses a " + elementKind.javaName() + "[]");
            }
            Expr rest = affineRest(index, line);
            checkInnerLinear(rest, line);
            check.vectorKinds.add(elementKind);
            return new ArrayAccess(base, rest, null, store, elementKind, line);
        }

        /** Inner induction variables may appear in a rest only added with coefficient 1, so bounds are monotone. */
        private void checkInnerLinear(Expr rest, int line) {
            ExprWalk.forEach(rest, node -> {
                if (node instanceof Expr.Binary b
                        && !(b.op() == BinaryOp.ADD || (b.op() == BinaryOp.SUB && !readsInner(b.right())))) {
                    if (readsInner(b)) {
                        throw new Rejection(
                                RejectionReason.NON_AFFINE_INDEX,
                                line,
                                "an inner induction variable is scaled or subtracted in an array index");
                    }
                }
            });
            long count = innerInductionVariables.stream()
                    .filter(v -> ExprWalk.reads(rest, v))
                    .count();
            if (count > 1) {
                throw new Rejection(RejectionReason.NON_AFFINE_INDEX, line, "an index uses two inner loop variables");
            }
        }

        private boolean readsInner(Expr e) {
            return innerInductionVariables.stream().anyMatch(v -> ExprWalk.reads(e, v));
        }

        /** Checks a per-lane value, recording accesses through array loads. */
        private void vector(Expr e) {
            if (invariance.isInvariant(e)) {
                return;
            }
            switch (e) {
                case Expr.ArrayLoad load ->
                    accesses.add(access(load.array(), load.index(), false, load.elementKind(), load.line()));
                case Expr.Read read -> {
                    if (read.variable().equals(counted.inductionVariable())
                            || affine.containsKey(read.variable())
                            || innerInductionVariables.contains(read.variable())) {
                        throw new Rejection(
                                RejectionReason.UNSUPPORTED_INSTRUCTION,
                                read.line(),
                                "'" + function.nameOf(read.variable()) + "' is used as a value, not only in an index");
                    }
                    check.vectorKinds.add(read.kind());
                }
                case Expr.Binary b -> {
                    if (!b.kind().isFloating() && (b.op() == BinaryOp.DIV || b.op() == BinaryOp.REM)) {
                        throw new Rejection(RejectionReason.INTEGER_DIVISION, b.line(), "integer division in the nest");
                    }
                    check.vectorKinds.add(b.kind());
                    vector(b.left());
                    vector(b.right());
                }
                case Expr.Negate n -> vector(n.operand());
                case Expr.Convert c -> {
                    check.vectorKinds.add(c.kind());
                    check.vectorKinds.add(c.operand().kind());
                    vector(c.operand());
                }
                case Expr.Call call -> {
                    String operator = MathCalls.isMath(call) ? MathCalls.operator(call) : null;
                    if (operator == null
                            || !MathCalls.appliesTo(call)
                            || (MathCalls.isApproximate(call) && !check.fastmath())) {
                        throw new Rejection(
                                operator != null && MathCalls.isApproximate(call)
                                        ? RejectionReason.NEEDS_FASTMATH_MATH
                                        : RejectionReason.UNSUPPORTED_CALL,
                                call.line(),
                                "calls " + call.owner().replace('/', '.') + "." + call.name());
                    }
                    call.arguments().forEach(this::vector);
                }
                default ->
                    throw new Rejection(
                            RejectionReason.UNSUPPORTED_INSTRUCTION,
                            e.line(),
                            "this expression is not supported in an outer-loop vectorised nest");
            }
        }
    }
}
