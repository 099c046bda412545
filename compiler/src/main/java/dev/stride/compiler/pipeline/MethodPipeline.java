package dev.stride.compiler.pipeline;

import dev.stride.compiler.analysis.ControlFlowGraph;
import dev.stride.compiler.analysis.HoistedInvariants;
import dev.stride.compiler.analysis.Invariance;
import dev.stride.compiler.analysis.Liveness;
import dev.stride.compiler.analysis.Loop;
import dev.stride.compiler.analysis.LoopForest;
import dev.stride.compiler.analysis.OuterVectorizationAnalysis;
import dev.stride.compiler.analysis.ParallelLoopPlan;
import dev.stride.compiler.analysis.ProfitabilityAnalysis;
import dev.stride.compiler.analysis.Reduction;
import dev.stride.compiler.analysis.Rejection;
import dev.stride.compiler.analysis.TypeReportAnalysis;
import dev.stride.compiler.analysis.VectorLoopPlan;
import dev.stride.compiler.analysis.VectorizationAnalysis;
import dev.stride.compiler.codegen.LoopShape;
import dev.stride.compiler.codegen.PreheaderPatcher;
import dev.stride.compiler.codegen.SimdMethodBudget;
import dev.stride.compiler.frontend.BytecodeLifter;
import dev.stride.compiler.frontend.KernelAnnotation;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.report.LoopReport;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.MethodReport;
import dev.stride.compiler.report.ReductionReport;
import dev.stride.compiler.report.RejectionReason;
import dev.stride.compiler.transform.HelperInliningPass;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.MethodNode;

/**
 * The passes one annotated method goes through, in order. Reads like a table of contents:
 *
 * <ol>
 *   <li>lift bytecode into blocks of expression trees ({@link BytecodeLifter});
 *   <li>inline small static helpers of the same class and {@code @Vectorize}/{@code @Jit} functions of other
 *       classes, straight-line ones as expressions, ones with branches as blocks ({@link HelperInliningPass});
 *   <li>control flow graph, dominators and natural loops ({@link ControlFlowGraph}, {@link LoopForest});
 *   <li>liveness of variables ({@link Liveness});
 *   <li>types of parameters and locals, widening warnings ({@link TypeReportAnalysis});
 *   <li>per loop: in a {@code @Parallel} method, a {@code prange} loop is decided by {@link ParallelDecision}
 *       and the loops inside it become part of it; every other loop: counted loop, body, reductions,
 *       dependences ({@link VectorizationAnalysis}), then profitability ({@link ProfitabilityAnalysis}); each
 *       loop ends with a {@link LoopVerdict}.
 * </ol>
 *
 * <p>Code generation happens per class afterwards ({@code ClassCompilation}), from the plans kept here.
 */
public final class MethodPipeline {

    /**
     * A loop that will get SIMD code, with what code generation needs.
     *
     * @param function the lifted method
     * @param loop the loop
     * @param plan its plan
     * @param invariance its invariance
     * @param site its header label and frame
     * @param shape the shape its SIMD methods are emitted in ({@link SimdMethodBudget})
     * @param scan for a loop vectorised as an in-register scan, its scan plan ({@link ScanDecision}); else null
     */
    public record VectorizedLoop(
            Function function,
            Loop loop,
            VectorLoopPlan plan,
            Invariance invariance,
            PreheaderPatcher.HeaderSite site,
            LoopShape shape,
            dev.stride.compiler.analysis.ScanPlan scan) {

        /**
         * A loop emitted in the interleaved shape.
         *
         * @param function the lifted method
         * @param loop the loop
         * @param plan its plan
         * @param invariance its invariance
         * @param site its header label and frame
         */
        public VectorizedLoop(
                Function function,
                Loop loop,
                VectorLoopPlan plan,
                Invariance invariance,
                PreheaderPatcher.HeaderSite site) {
            this(function, loop, plan, invariance, site, LoopShape.INTERLEAVED, null);
        }
    }

    /**
     * A {@code prange} loop that will run through {@code ParallelLoops}, with what code generation needs.
     *
     * @param function the lifted method
     * @param plan its plan
     * @param site its header label and frame
     */
    public record ParallelLoop(Function function, ParallelLoopPlan plan, PreheaderPatcher.HeaderSite site) {}

    /**
     * The outcome for one method.
     *
     * @param report the report
     * @param vectorized the loops that get SIMD code
     * @param parallel the loops that run in parallel
     */
    public record Result(MethodReport report, List<VectorizedLoop> vectorized, List<ParallelLoop> parallel) {}

    private MethodPipeline() {}

    /**
     * Runs the passes.
     *
     * @param owner the class
     * @param method the method
     * @param annotation its Stride annotations
     * @param library where functions of other classes that the method calls are found
     * @param fastmathDefault the build-wide fastmath default
     * @param simdBitsDefault the build-wide width (0 = annotation's choice)
     * @param compiledAt the report label
     * @return the report and the loops to emit
     */
    public static Result run(
            org.objectweb.asm.tree.ClassNode owner,
            MethodNode method,
            KernelAnnotation annotation,
            dev.stride.compiler.ClassLibrary library,
            boolean fastmathDefault,
            int simdBitsDefault,
            String compiledAt) {
        PassTimer timer = new PassTimer();
        Function lifted = timer.run("lift", () -> BytecodeLifter.lift(owner.name, method));
        HelperInliningPass.Outcome inlining =
                timer.run("inline", () -> new HelperInliningPass(owner, library).run(lifted));
        Function function = inlining.function();
        ControlFlowGraph cfg = timer.run("cfg", () -> new ControlFlowGraph(function));
        LoopForest forest = timer.run("loops", () -> LoopForest.of(cfg));
        Liveness liveness = timer.run("liveness", () -> new Liveness(cfg));
        int line = firstLine(function);
        TypeReportAnalysis types = timer.run("types", () -> TypeReportAnalysis.of(function, line));
        VectorizationAnalysis.Options options = new VectorizationAnalysis.Options(
                annotation.fastmath() || fastmathDefault,
                annotation.simdBits() != 0 ? annotation.simdBits() : simdBitsDefault,
                KernelAnnotation.reassociates(method),
                inlining.notInlined());
        List<VectorizedLoop> vectorized = new ArrayList<>();
        List<ParallelLoop> parallel = new ArrayList<>();
        ParallelDecision parallelDecision = new ParallelDecision(annotation, options.fastmath(), parallel);
        List<LoopReport> loops =
                timer.run("vectorize", () -> decide(cfg, liveness, forest, options, vectorized, parallelDecision));
        List<String> warnings = new ArrayList<>(types.warnings());
        if (forest.irreducible()) {
            warnings.add("line " + line + ": irreducible control flow (not produced by javac); no loop is optimised");
        }
        MethodReport report = new MethodReport(
                method.name,
                method.desc,
                line,
                annotation.source(),
                types.variables(),
                warnings,
                loops,
                timer.timings(),
                compiledAt);
        return new Result(report, vectorized, parallel);
    }

    private static List<LoopReport> decide(
            ControlFlowGraph cfg,
            Liveness liveness,
            LoopForest forest,
            VectorizationAnalysis.Options options,
            List<VectorizedLoop> vectorized,
            ParallelDecision parallel) {
        List<LoopReport> reports = new ArrayList<>();
        java.util.Map<Loop, String> coveredBy = new java.util.HashMap<>();
        for (Loop loop : forest.all()) {
            String outer = coveredBy.get(loop);
            if (outer != null) {
                reports.add(new LoopReport(
                        loop.id(),
                        headerLine(cfg, loop),
                        lastLine(cfg, loop),
                        new LoopVerdict.PartOfOuter(outer),
                        InductionText.of(cfg, loop)));
                continue;
            }
            LoopVerdict verdict = parallel.applies(cfg, loop)
                    ? parallel.verdict(cfg, liveness, loop)
                    : verdict(cfg, liveness, loop, options, vectorized);
            if (verdict instanceof LoopVerdict.Vectorized v && v.outerLoop()
                    || verdict instanceof LoopVerdict.Parallel) {
                markCovered(loop, loop.id(), coveredBy);
            }
            reports.add(new LoopReport(
                    loop.id(), headerLine(cfg, loop), lastLine(cfg, loop), verdict, InductionText.of(cfg, loop)));
        }
        return reports;
    }

    private static void markCovered(Loop loop, String outerId, java.util.Map<Loop, String> coveredBy) {
        for (Loop child : loop.children()) {
            coveredBy.put(child, outerId);
            markCovered(child, outerId, coveredBy);
        }
    }

    private static LoopVerdict verdict(
            ControlFlowGraph cfg,
            Liveness liveness,
            Loop loop,
            VectorizationAnalysis.Options options,
            List<VectorizedLoop> vectorized) {
        Function function = cfg.function();
        try {
            VectorLoopPlan plan = loop.children().isEmpty()
                    ? VectorizationAnalysis.analyze(cfg, liveness, loop, options)
                    : OuterVectorizationAnalysis.analyze(cfg, liveness, loop, options);
            PreheaderPatcher.HeaderSite site = PreheaderPatcher.siteOf(function, loop);
            if (site == null) {
                throw new Rejection(RejectionReason.NO_STACK_MAP_FRAME, loop.line(), "no frame at the loop header");
            }
            Invariance invariance = new Invariance(cfg, loop);
            String c2 = ProfitabilityAnalysis.leftToC2(function, plan);
            if (c2 != null) {
                return new LoopVerdict.LeftToC2(c2);
            }
            SimdMethodBudget.Choice size = SimdMethodBudget.choose(function, plan, invariance, loop.line());
            vectorized.add(new VectorizedLoop(function, loop, plan, invariance, site, size.shape(), null));
            String shape = plan.isOuter()
                    ? "main loop of 4 x " + plan.lanes() + " consecutive outer iterations"
                            + LaneKindsText.of(function, plan, invariance) + ", then " + plan.lanes()
                            + " at a time, each lane running the inner loops in the original order (bit-exact),"
                            + " + the original loop as scalar tail"
                    : plan.reductions().isEmpty()
                            ? "unmasked main loop of " + plan.lanes() + " lanes"
                                    + LaneKindsText.of(function, plan, invariance)
                                    + " + the original loop as scalar tail"
                            : "unmasked main loop of 4 x " + plan.lanes() + " lanes"
                                    + LaneKindsText.of(function, plan, invariance)
                                    + ", with 4 independent vector accumulators, reduced once after the loop, + the"
                                    + " original loop as scalar tail";
            if (size.shape() == LoopShape.SINGLE) {
                shape = SingleShapeText.of(plan, size);
            }
            return new LoopVerdict.Vectorized(
                    plan.laneKind().javaName(),
                    plan.lanes(),
                    plan.bits(),
                    shape,
                    reductions(function, plan, options),
                    checks(function, plan),
                    hoisted(function, plan, invariance),
                    plan.isOuter());
        } catch (Rejection rejection) {
            LoopVerdict scan = ScanDecision.verdict(cfg, liveness, loop, options, rejection, vectorized);
            return scan != null
                    ? scan
                    : new LoopVerdict.Rejected(rejection.reason(), rejection.line(), rejection.detail(), false);
        }
    }

    /**
     * The reductions of a vectorised loop; a reassociated one is credited to the user's associativity declaration
     * when the method is a generated reduce loop compiled without fastmath.
     */
    private static List<ReductionReport> reductions(
            Function function, VectorLoopPlan plan, VectorizationAnalysis.Options options) {
        boolean byAssociativity = options.reassociate() && !options.fastmath();
        List<ReductionReport> reports = new ArrayList<>();
        for (Reduction reduction : plan.reductions()) {
            ReductionReport report = reductionReport(function, reduction);
            reports.add(
                    byAssociativity && report.reassociated()
                            ? new ReductionReport(
                                    report.variable(),
                                    report.operator(),
                                    report.type(),
                                    report.identity(),
                                    true,
                                    "associative")
                            : report);
        }
        return reports;
    }

    static ReductionReport reductionReport(Function function, Reduction reduction) {
        return new ReductionReport(
                function.nameOf(reduction.variable()),
                reduction.op().symbol(),
                reduction.kind().javaName(),
                String.valueOf(reduction.op().identity(reduction.kind())),
                reduction.reassociates(),
                !reduction.reassociates()
                        ? ""
                        : reduction.select() ? ReductionReport.SELECT_UNDER_FASTMATH : "fastmath");
    }

    /**
     * What the vectorised loop computes once before its main loop: the invariant values it broadcasts (constants
     * left out: they cost nothing) and the rows of arrays of arrays it loads once.
     */
    static List<String> hoisted(Function function, VectorLoopPlan plan, Invariance invariance) {
        List<String> hoisted = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (dev.stride.compiler.ir.Expr e : HoistedInvariants.of(function, plan, invariance)) {
            if (!(e instanceof dev.stride.compiler.ir.Expr.Const) && seen.add(HoistedInvariants.key(e))) {
                hoisted.add(ExprText.of(function, e) + " (broadcast)");
            }
        }
        java.util.Set<dev.stride.compiler.analysis.ArrayAccess.ArrayBase> rows = new java.util.LinkedHashSet<>();
        for (dev.stride.compiler.analysis.ArrayAccess access : plan.accesses()) {
            if (access.base().isRow() && rows.add(access.base())) {
                hoisted.add(function.nameOf(access.base().variable()) + "["
                        + ExprText.of(function, access.base().row()) + "] (row loaded once)");
            }
        }
        return hoisted;
    }

    static List<String> checks(Function function, VectorLoopPlan plan) {
        List<String> checks = new ArrayList<>();
        checks.add("arrays non-null and every index of the SIMD range in bounds, checked once before the loop");
        for (List<dev.stride.compiler.analysis.ArrayAccess.ArrayBase> pair : plan.aliasChecks()) {
            checks.add("'" + function.nameOf(pair.get(0).variable()) + "' is not the same array as '"
                    + function.nameOf(pair.get(1).variable()) + "'");
        }
        return checks;
    }

    /**
     * The smallest source line of any statement in the loop's blocks: the {@code for} or {@code while} line. The
     * header block of a {@code for} loop often has no line number entry of its own (javac puts it on the
     * initialiser before the loop), so {@link Loop#line()}, the first line entry inside the loop, can be the body's
     * first line; the header's condition statement still carries the {@code for} line.
     */
    private static int headerLine(ControlFlowGraph cfg, Loop loop) {
        int first = loop.line();
        for (int id : loop.blocks()) {
            for (Stmt statement : cfg.function().blocks().get(id).statements()) {
                if (statement.line() > 0 && (first == 0 || statement.line() < first)) {
                    first = statement.line();
                }
            }
        }
        return first;
    }

    /** The largest source line of any statement in the loop's blocks: where the loop's code ends. */
    private static int lastLine(ControlFlowGraph cfg, Loop loop) {
        int last = loop.line();
        for (int id : loop.blocks()) {
            Block block = cfg.function().blocks().get(id);
            last = Math.max(last, block.line());
            for (Stmt statement : block.statements()) {
                last = Math.max(last, statement.line());
            }
        }
        return last;
    }

    private static int firstLine(Function function) {
        int best = 0;
        for (var block : function.blocks()) {
            if (block.line() > 0 && (best == 0 || block.line() < best)) {
                best = block.line();
            }
        }
        return best;
    }
}
