package dev.stride.compiler.pipeline;

import dev.stride.compiler.analysis.ControlFlowGraph;
import dev.stride.compiler.analysis.Liveness;
import dev.stride.compiler.analysis.Loop;
import dev.stride.compiler.analysis.ParallelLoopAnalysis;
import dev.stride.compiler.analysis.ParallelLoopPlan;
import dev.stride.compiler.analysis.Rejection;
import dev.stride.compiler.codegen.BoundEmitter;
import dev.stride.compiler.codegen.ChunkOutliner;
import dev.stride.compiler.codegen.PreheaderPatcher;
import dev.stride.compiler.frontend.KernelAnnotation;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.RejectionReason;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline step for {@code prange} loops of a {@code @Parallel} method: the analysis, the code-generation
 * preconditions (a header frame, a contiguous loop, an emittable bound), and the verdict. The chunk body's own
 * outcome is filled in later, when the chunk method has been outlined and compiled ({@code ClassCompilation}).
 */
final class ParallelDecision {
    /** The body outcome until the chunk method has been compiled. */
    static final String BODY_PENDING = "not compiled";

    private final KernelAnnotation annotation;
    private final boolean fastmath;
    private final List<MethodPipeline.ParallelLoop> parallel;

    ParallelDecision(KernelAnnotation annotation, boolean fastmath, List<MethodPipeline.ParallelLoop> parallel) {
        this.annotation = annotation;
        this.fastmath = fastmath;
        this.parallel = parallel;
    }

    boolean applies(ControlFlowGraph cfg, Loop loop) {
        return annotation.parallel() && ParallelLoopAnalysis.isPrangeLoop(cfg, loop);
    }

    LoopVerdict verdict(ControlFlowGraph cfg, Liveness liveness, Loop loop) {
        Function function = cfg.function();
        try {
            ParallelLoopPlan plan =
                    ParallelLoopAnalysis.analyze(cfg, liveness, loop, fastmath, annotation.parallelThreshold());
            PreheaderPatcher.HeaderSite site = PreheaderPatcher.siteOf(function, loop);
            if (site == null) {
                throw new Rejection(RejectionReason.NO_STACK_MAP_FRAME, loop.line(), "no frame at the loop header");
            }
            if (!BoundEmitter.supports(plan.bound())) {
                throw new Rejection(
                        RejectionReason.PARALLEL_SHAPE,
                        loop.line(),
                        "the argument of prange is too complex; assign it to a local before the loop");
            }
            ChunkOutliner.check(function, loop, site);
            parallel.add(new MethodPipeline.ParallelLoop(function, plan, site));
            return new LoopVerdict.Parallel(
                    chunking(plan.threshold()),
                    "ParallelLoops.withThreads in scope, else stride.threads (default: available processors)",
                    plan.reductions().stream()
                            .map(r -> MethodPipeline.reductionReport(function, r))
                            .toList(),
                    BODY_PENDING,
                    checks(function, plan),
                    plan.assumptions(),
                    plan.serialNested());
        } catch (Rejection rejection) {
            return new LoopVerdict.Rejected(rejection.reason(), rejection.line(), rejection.detail(), true);
        }
    }

    private static String chunking(int threshold) {
        String below =
                threshold == 0 ? "stride.parallel.threshold (default 4096)" : String.valueOf(Math.max(2, threshold));
        return "outlined chunk method run by ParallelLoops over min(n, 4 x threads) chunks of equal size (+-1);"
                + " serial (one chunk on the caller) below " + below + " iterations, when nested or disabled";
    }

    private static List<String> checks(Function function, ParallelLoopPlan plan) {
        List<String> checks = new ArrayList<>();
        for (var pair : plan.aliasChecks()) {
            checks.add("'" + function.nameOf(pair.get(0)) + "' is not the same array as '"
                    + function.nameOf(pair.get(1)) + "' (else the original loop runs serially)");
        }
        return checks;
    }
}
