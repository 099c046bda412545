package dev.stride.compiler.pipeline;

import dev.stride.compiler.analysis.ControlFlowGraph;
import dev.stride.compiler.analysis.Invariance;
import dev.stride.compiler.analysis.Liveness;
import dev.stride.compiler.analysis.Loop;
import dev.stride.compiler.analysis.Rejection;
import dev.stride.compiler.analysis.Scan;
import dev.stride.compiler.analysis.ScanAnalysis;
import dev.stride.compiler.analysis.ScanPlan;
import dev.stride.compiler.analysis.VectorizationAnalysis;
import dev.stride.compiler.codegen.PreheaderPatcher;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.RejectionReason;
import java.util.List;

/**
 * The second chance of an innermost loop the ordinary analysis refused because a scalar or an array element is
 * carried from one iteration to the next: if the loop is a scan ({@link ScanAnalysis}), it is vectorised as an
 * in-register scan. C2 never vectorises a recurrence, so there is no "left to C2" outcome here.
 */
final class ScanDecision {

    private ScanDecision() {}

    /**
     * The verdict for a refused loop that may be a scan.
     *
     * @param cfg the function's graph
     * @param liveness its liveness
     * @param loop the loop
     * @param options the method's options
     * @param refusal why the ordinary analysis refused it
     * @param vectorized where a vectorised scan is added for code generation
     * @return the scan's verdict (vectorised, or rejected with a scan's reason), or null when the loop is not a
     *     scan and the refusal stands
     */
    static LoopVerdict verdict(
            ControlFlowGraph cfg,
            Liveness liveness,
            Loop loop,
            VectorizationAnalysis.Options options,
            Rejection refusal,
            List<MethodPipeline.VectorizedLoop> vectorized) {
        if (refusal.reason() != RejectionReason.LOOP_CARRIED_SCALAR
                || !loop.children().isEmpty()) {
            return null;
        }
        Function function = cfg.function();
        ScanPlan plan;
        try {
            plan = ScanAnalysis.analyze(cfg, liveness, loop, options);
        } catch (Rejection rejection) {
            return new LoopVerdict.Rejected(rejection.reason(), rejection.line(), rejection.detail(), false);
        }
        PreheaderPatcher.HeaderSite site = plan == null ? null : PreheaderPatcher.siteOf(function, loop);
        if (site == null) {
            return null;
        }
        String slower = slowerThanScalar(plan.scan());
        if (slower != null) {
            return new LoopVerdict.LeftToC2(slower);
        }
        Invariance invariance = new Invariance(cfg, loop);
        vectorized.add(new MethodPipeline.VectorizedLoop(
                function,
                loop,
                plan.vector(),
                invariance,
                site,
                dev.stride.compiler.codegen.LoopShape.INTERLEAVED,
                plan));
        return new LoopVerdict.Vectorized(
                plan.vector().laneKind().javaName(),
                plan.lanes(),
                plan.vector().bits(),
                shape(function, plan),
                List.of(),
                MethodPipeline.checks(function, plan.vector()),
                MethodPipeline.hoisted(function, plan.vector(), invariance),
                false);
    }

    /**
     * Why a scan would be slower than the scalar loop C2 compiles, or null. A floating-point running min or max:
     * the lanewise {@code MIN}/{@code MAX} that keeps Java's NaN and {@code -0.0} rules is a sequence of blends on
     * x86, and the scan needs log2(lanes) + 2 of them per vector. Measured here (JMH, 64K doubles, 256-bit, loaded
     * machine): 355 us against 136 us for the scalar loop; at 512 bits no faster than scalar either. Integer
     * min/max are single instructions and are vectorised.
     */
    static String slowerThanScalar(Scan scan) {
        boolean minMax = scan.operator() == Scan.Operator.MIN || scan.operator() == Scan.Operator.MAX;
        return minMax && scan.kind().isFloating()
                ? "a running " + scan.kind().javaName() + " " + scan.operator().symbol() + " (an exact scan): the"
                        + " vector " + scan.operator().symbol() + " with Java's NaN and -0.0 rules costs more than C2's"
                        + " scalar loop (measured 2.6x slower), so the loop stays as it is"
                : null;
    }

    /** The report's shape text: which scan, how many steps, and how exact. */
    static String shape(Function function, ScanPlan plan) {
        Scan scan = plan.scan();
        String what = switch (scan.operator()) {
            case FILL_NAN -> "fill-forward of NaN";
            case MIN, MAX -> "running " + scan.operator().symbol();
            case ADD -> scan.negated() ? "prefix difference" : "prefix sum";
            case MUL -> "prefix product";
            case AND, OR, XOR -> "prefix " + scan.operator().symbol();
        };
        String exactness = scan.reassociates() ? "reassociated under fastmath" : "exact";
        return "in-register scan of '" + function.nameOf(scan.variable()) + "', " + what + ", " + exactness + ": "
                + plan.steps() + " shift-and-combine steps (log2 " + plan.lanes() + ") per vector with a carried"
                + " last lane, unmasked main loop of " + plan.lanes() + " lanes + the original loop as scalar tail";
    }
}
