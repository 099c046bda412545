package dev.stride.compiler;

import dev.stride.compiler.codegen.ChunkOutliner;
import dev.stride.compiler.frontend.KernelAnnotation;
import dev.stride.compiler.pipeline.MethodPipeline;
import dev.stride.compiler.report.LoopReport;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.MethodReport;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Outlines the parallel loops of a method into chunk methods of the class, compiles each chunk method like a
 * {@code @Jit} method (so its loop may be vectorised: SIMD inside every chunk), and completes the parallel
 * verdicts with what the chunk body became. Runs before any bytecode of the class is patched, so the copies are
 * of the original loops.
 */
final class ChunkCompilation {
    private final CompilerOptions options;
    private final ClassNode classNode;
    private final ClassLibrary library;
    private final Map<MethodPipeline.ParallelLoop, ChunkOutliner.Chunk> chunks = new IdentityHashMap<>();

    ChunkCompilation(CompilerOptions options, ClassNode classNode, ClassLibrary library) {
        this.options = options;
        this.classNode = classNode;
        this.library = library;
    }

    /**
     * Outlines and compiles the chunk methods of one method's parallel loops.
     *
     * @param result the method's pipeline result
     * @param annotation the method's annotations
     * @param results where the chunk methods' results go (so their SIMD loops are emitted)
     * @return the method's report with the chunk bodies' outcomes filled in
     */
    MethodReport outline(
            MethodPipeline.Result result, KernelAnnotation annotation, Map<MethodNode, MethodPipeline.Result> results) {
        MethodReport report = result.report();
        List<LoopReport> loops = new ArrayList<>(report.loops());
        for (MethodPipeline.ParallelLoop loop : result.parallel()) {
            String id = loop.plan().counted().loop().id();
            String name = report.name() + "$prange$" + id.replace('.', '_');
            ChunkOutliner.Chunk chunk = ChunkOutliner.outline(loop.function(), loop.plan(), loop.site(), name);
            classNode.methods.add(chunk.method());
            chunks.put(loop, chunk);
            MethodPipeline.Result body = MethodPipeline.run(
                    classNode,
                    chunk.method(),
                    chunkAnnotation(annotation),
                    library,
                    options.fastmathDefault(),
                    options.simdBits(),
                    options.compiledAt());
            results.put(chunk.method(), body);
            String outcome = outcome(body.report());
            loops.replaceAll(l -> l.id().equals(id) && l.verdict() instanceof LoopVerdict.Parallel p
                    ? l.withVerdict(p.withBody(outcome))
                    : l);
        }
        return new MethodReport(
                report.name(),
                report.descriptor(),
                report.line(),
                report.annotation(),
                report.variables(),
                report.warnings(),
                List.copyOf(loops),
                report.timings(),
                report.compiledAt());
    }

    /**
     * The chunk method of a parallel loop.
     *
     * @param loop a loop passed to {@link #outline}
     * @return its chunk
     */
    ChunkOutliner.Chunk chunkOf(MethodPipeline.ParallelLoop loop) {
        return chunks.get(loop);
    }

    /** The chunk is compiled as {@code @Jit} with the method's options; nested prange loops stay serial. */
    private static KernelAnnotation chunkAnnotation(KernelAnnotation annotation) {
        return new KernelAnnotation(
                true,
                false,
                false,
                annotation.fastmath(),
                false,
                annotation.simdBits(),
                0,
                List.of(),
                "@Jit (chunk of " + annotation.source() + ")");
    }

    private static String outcome(MethodReport chunk) {
        LoopReport loop = chunk.loops().stream()
                .filter(l -> l.id().equals("L1"))
                .findFirst()
                .orElse(null);
        if (loop == null) {
            return "scalar (no loop found in the chunk method)";
        }
        return switch (loop.verdict()) {
            case LoopVerdict.Vectorized v ->
                (v.outerLoop() ? "outer-loop vectorised, " : "vectorised, ") + v.lanes() + " x " + v.elementType()
                        + " (" + v.bits() + "-bit)";
            case LoopVerdict.LeftToC2 c2 -> "scalar, left to C2 (" + c2.why() + ")";
            case LoopVerdict.Rejected r -> "scalar (" + r.reason().name() + ": " + r.detail() + ")";
            case LoopVerdict.Parallel p -> "parallel (unexpected)";
            case LoopVerdict.PartOfOuter p -> "scalar";
        };
    }
}
