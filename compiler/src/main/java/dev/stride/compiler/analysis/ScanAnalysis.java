package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import dev.stride.compiler.report.RejectionReason;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises innermost counted loops that are scans and plans them as SIMD in-register scans: the loop carries one
 * scalar {@code s}, updated once per iteration by an associative operator ({@code s = Math.max(s, a[i])}, {@code
 * s += a[i]}, the fill-forward of NaN), and every other statement is lanewise, using the updated {@code s} as a
 * per-lane value ({@code out[i] = s}). The ordinary analysis refuses these loops (the scalar is read besides its
 * update), so this one runs only after it did.
 *
 * <p>Exactness: max, min, the bitwise operators, fill-forward, and integer {@code +} and {@code *} (two's
 * complement arithmetic is associative) give bit-identical results in any grouping; floating-point {@code +} and
 * {@code *} do not, and are planned only under fastmath ({@link RejectionReason#SCAN_NEEDS_FASTMATH} otherwise).
 *
 * <p>The rest is the ordinary machinery: {@link BodyCheck} for lanewise support and affine accesses, {@link
 * DependenceAnalysis} on the straight-line body for array dependences and alias checks, and the plan's
 * parameters and widths as for any vectorised loop.
 */
public final class ScanAnalysis {

    private ScanAnalysis() {}

    /**
     * Plans one innermost loop as a scan.
     *
     * @param cfg the function's graph
     * @param liveness liveness of the function
     * @param loop the loop (innermost, not in a try block: the ordinary analysis checked both first)
     * @param options the method's options
     * @return the plan, or null when the loop is not a scan (the ordinary rejection stands)
     * @throws Rejection when the loop is a scan that must stay scalar, with the reason
     */
    public static ScanPlan analyze(
            ControlFlowGraph cfg, Liveness liveness, Loop loop, VectorizationAnalysis.Options options) {
        Function function = cfg.function();
        if (!loop.children().isEmpty()) {
            return null;
        }
        Invariance invariance = new Invariance(cfg, loop);
        CountedLoop counted = CountedLoopAnalysis.analyze(cfg, loop, invariance);
        List<Integer> bodyOrder = VectorizationAnalysis.bodyOrder(cfg, loop);
        Variable scalar = carriedScalar(function, liveness, counted, bodyOrder);
        if (scalar == null) {
            return null;
        }
        ScanBody.Form form = ScanBody.of(function, counted, bodyOrder, scalar);
        Kind kind = function.variableKinds().get(scalar);
        if (form == null
                || kind == null
                || !kind.isVectorizable()
                || ScanBody.readBeforeUpdate(form, scalar)
                || !ScanBody.supports(form, kind)
                || form.operator() == Scan.Operator.FILL_NAN && form.operand().kind() != kind) {
            return null;
        }
        Scan scan = scan(function, scalar, kind, form, options);
        BodyCheck check =
                new BodyCheck(function, invariance, counted.inductionVariable(), Set.of(), options.fastmath());
        check.notInlined = options.notInlined();
        for (Stmt stmt : form.statements()) {
            statement(stmt, scan, check);
        }
        check.vectorKinds.add(kind);
        Kind laneKind = VectorizationAnalysis.laneKind(check.vectorKinds, loop.line(), List.of());
        List<List<ArrayAccess.ArrayBase>> aliasChecks = DependenceAnalysis.analyze(function, check.accesses);
        if (check.accesses.isEmpty()) {
            return null;
        }
        Map<Variable, String> descriptors = VectorizationAnalysis.parameterDescriptors(
                function, loop, liveness.liveIn(loop.header()), check.accesses);
        VectorLoopPlan vector = new VectorLoopPlan(
                counted,
                bodyOrder,
                List.copyOf(descriptors.keySet()),
                descriptors,
                List.of(),
                List.copyOf(check.accesses),
                aliasChecks,
                laneKind,
                VectorizationAnalysis.chooseBits(options.simdBits(), check.approximateMath),
                false,
                options.fastmath(),
                List.of(),
                Map.of());
        return new ScanPlan(vector, scan, form.statements());
    }

    /** The single variable assigned in the body and live at the header, or null when there is not exactly one. */
    private static Variable carriedScalar(
            Function function, Liveness liveness, CountedLoop counted, List<Integer> bodyOrder) {
        Set<Variable> liveAtHeader = liveness.liveIn(counted.loop().header());
        Set<Variable> carried = new LinkedHashSet<>();
        for (int block : bodyOrder) {
            for (Stmt stmt : function.blocks().get(block).statements()) {
                if (stmt instanceof Stmt.Store store
                        && stmt != counted.increment()
                        && liveAtHeader.contains(store.variable())) {
                    carried.add(store.variable());
                }
            }
        }
        return carried.size() == 1 ? carried.iterator().next() : null;
    }

    private static Scan scan(
            Function function, Variable scalar, Kind kind, ScanBody.Form form, VectorizationAnalysis.Options options) {
        Scan.Operator operator = form.operator();
        boolean reassociates = kind.isFloating() && (operator == Scan.Operator.ADD || operator == Scan.Operator.MUL);
        if (reassociates && !options.fastmath() && !options.reassociate()) {
            throw new Rejection(
                    RejectionReason.SCAN_NEEDS_FASTMATH,
                    form.update().line(),
                    "'" + function.nameOf(scalar) + "' is a running " + kind.javaName() + " "
                            + (operator == Scan.Operator.ADD ? "sum" : "product")
                            + " stored at every index; add @Jit(fastmath = true) to compute it as a SIMD scan");
        }
        boolean bitwise =
                operator == Scan.Operator.AND || operator == Scan.Operator.OR || operator == Scan.Operator.XOR;
        if (bitwise && kind.isFloating()) {
            throw new Rejection(
                    RejectionReason.LOOP_CARRIED_SCALAR,
                    form.update().line(),
                    "'" + function.nameOf(scalar) + "' is not a supported scan");
        }
        return new Scan(scalar, operator, form.operand(), form.negated(), kind, reassociates, form.update());
    }

    private static void statement(Stmt stmt, Scan scan, BodyCheck check) {
        switch (stmt) {
            case Stmt.Store store when store == scan.update() -> check.value(scan.operand());
            case Stmt.Store store -> {
                if (store.value().kind() == Kind.REF) {
                    throw new Rejection(
                            RejectionReason.UNSUPPORTED_TYPE,
                            store.line(),
                            "assigns an object reference inside the loop");
                }
                check.value(store.value());
            }
            case Stmt.ArrayStore store -> {
                check.store(store.array(), store.index(), store.elementKind(), store.line());
                check.value(store.value());
            }
            default ->
                throw new Rejection(
                        RejectionReason.UNSUPPORTED_INSTRUCTION,
                        stmt.line(),
                        "a statement other than an assignment or an array store in a scan loop");
        }
    }
}
