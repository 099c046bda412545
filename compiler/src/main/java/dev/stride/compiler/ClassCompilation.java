package dev.stride.compiler;

import dev.stride.compiler.codegen.ClassVerification;
import dev.stride.compiler.codegen.HolderClassEmitter;
import dev.stride.compiler.codegen.ParallelLoopPatcher;
import dev.stride.compiler.codegen.PreheaderPatcher;
import dev.stride.compiler.codegen.ScanLoopEmitter;
import dev.stride.compiler.codegen.SimdLoopEmitter;
import dev.stride.compiler.frontend.BytecodeCheck;
import dev.stride.compiler.frontend.KernelAnnotation;
import dev.stride.compiler.pipeline.MethodPipeline;
import dev.stride.compiler.report.ClassReport;
import dev.stride.compiler.report.LoopReport;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.MethodReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Compiles the annotated methods of one class: runs each method's pipeline, emits the SIMD holder class, patches
 * the vectorised loops' entries, verifies both classes, and assembles diagnostics. If verification fails the
 * class is left untouched and the failure is an internal-error diagnostic naming the method.
 */
final class ClassCompilation {
    /** The Stride version written into the marker annotation. */
    static final String VERSION = "0.1.0";

    private final CompilerOptions options;
    private final ClassNode classNode;
    private final byte[] originalBytes;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final ChunkCompilation chunks;
    private final ClassLibrary library;
    private final boolean specialised;

    /**
     * A compilation of one class.
     *
     * @param specialised whether specialisation overloads were expanded into the class, which must then be written
     *     even when no loop is rewritten
     */
    ClassCompilation(
            CompilerOptions options,
            ClassNode classNode,
            byte[] originalBytes,
            ClassLibrary library,
            boolean specialised) {
        this.options = options;
        this.specialised = specialised;
        this.classNode = classNode;
        this.originalBytes = originalBytes;
        this.library = library;
        this.chunks = new ChunkCompilation(options, classNode, library);
    }

    ClassRewrite run() {
        if (isAlreadyCompiled()) {
            diagnostics.add(new Diagnostic(
                    Diagnostic.Severity.NOTE, sourceFile(), 0, "already rewritten by Stride; left as it is"));
            return StrideCompiler.unchanged(
                    classNode, new ClassReport(binaryName(), classNode.sourceFile, List.of()), diagnostics);
        }
        List<MethodReport> reports = new ArrayList<>();
        Map<MethodNode, MethodPipeline.Result> results = new LinkedHashMap<>();
        for (MethodNode method : List.copyOf(classNode.methods)) {
            Optional<KernelAnnotation> annotation = KernelAnnotation.of(method);
            if (annotation.isEmpty()) {
                continue;
            }
            Optional<BytecodeCheck.Problem> problem = BytecodeCheck.check(classNode.name, method);
            if (problem.isPresent()) {
                reports.add(unanalysed(method, annotation.get(), problem.get()));
                continue;
            }
            MethodPipeline.Result result = MethodPipeline.run(
                    classNode,
                    method,
                    annotation.get(),
                    library,
                    options.fastmathDefault(),
                    options.simdBits(),
                    options.compiledAt());
            results.put(method, result);
            MethodReport methodReport = chunks.outline(result, annotation.get(), results);
            reports.add(methodReport);
            diagnose(methodReport, annotation.get().strict() || options.strictDefault());
        }
        ClassReport report = new ClassReport(binaryName(), classNode.sourceFile, reports);
        boolean anyRewritten = results.values().stream()
                        .anyMatch(
                                r -> !r.vectorized().isEmpty() || !r.parallel().isEmpty())
                || specialised;
        if (!anyRewritten || options.compiledAt().equals("inspect")) {
            return StrideCompiler.unchanged(classNode, report, diagnostics);
        }
        return emit(results, report);
    }

    private ClassRewrite emit(Map<MethodNode, MethodPipeline.Result> results, ClassReport report) {
        HolderClassEmitter holder = new HolderClassEmitter(classNode.name, classNode.version & 0xFFFF);
        List<String> rewritten = new ArrayList<>();
        int methodIndex = 0;
        boolean anySimd = false;
        for (Map.Entry<MethodNode, MethodPipeline.Result> entry : results.entrySet()) {
            methodIndex++;
            List<String> loopIds = new ArrayList<>();
            for (MethodPipeline.ParallelLoop loop : entry.getValue().parallel()) {
                ParallelLoopPatcher.patch(loop.function(), loop.plan(), loop.site(), chunks.chunkOf(loop));
                loopIds.add(loop.plan().counted().loop().id() + "(parallel)");
            }
            for (MethodPipeline.VectorizedLoop loop : entry.getValue().vectorized()) {
                String name = entry.getKey().name + "$" + methodIndex + "$"
                        + loop.loop().id().replace('.', '_');
                if (loop.scan() != null) {
                    holder.useSpecies(loop.plan());
                    new ScanLoopEmitter(holder.writer(), holder.name(), loop.function(), loop.scan(), loop.invariance())
                            .emitAndPatch(name, loop.site());
                    loopIds.add(loop.loop().id());
                    anySimd = true;
                    continue;
                }
                SimdLoopEmitter emitter = new SimdLoopEmitter(
                        holder.writer(), holder.name(), loop.function(), loop.plan(), loop.invariance(), loop.shape());
                holder.useSpecies(loop.plan());
                emitter.emit(name);
                PreheaderPatcher.patch(loop.function(), loop.plan(), loop.site(), holder.name(), name, emitter);
                loopIds.add(loop.loop().id());
                anySimd = true;
            }
            if (!loopIds.isEmpty()) {
                rewritten.add(entry.getKey().name + entry.getKey().desc + ": " + String.join(" ", loopIds));
            }
        }
        addMarker(rewritten);
        byte[] holderBytes = anySimd ? holder.finish() : null;
        byte[] classBytes;
        try {
            classBytes = write();
        } catch (MethodTooLargeException e) {
            diagnostics.add(new Diagnostic(
                    Diagnostic.Severity.WARNING,
                    sourceFile(),
                    0,
                    e.getMethodName() + e.getDescriptor() + ": with the SIMD entry code the method would need "
                            + e.getCodeSize() + " bytes, above the JVM's 64 KB limit per method; the class was"
                            + " left unchanged (split the method to have its loops compiled)"));
            return StrideCompiler.unchanged(classNode, report, diagnostics);
        }
        String problem = firstProblem(classBytes, holderBytes);
        if (problem != null) {
            diagnostics.add(new Diagnostic(
                    Diagnostic.Severity.ERROR,
                    sourceFile(),
                    0,
                    "internal error: Stride generated an invalid class (" + problem
                            + "); the class was left unchanged. Please report this with the class files "
                            + InvalidClassDump.write(classNode.name, originalBytes, classBytes, holderBytes)));
            return StrideCompiler.unchanged(classNode, report, diagnostics);
        }
        diagnostics.addAll(HugeMethodCheck.warnings(sourceFile(), originalBytes, classBytes));
        Map<String, byte[]> resources = new LinkedHashMap<>();
        if (options.keepOriginals()) {
            resources.put("META-INF/stride/original/" + classNode.name + ".class", originalBytes);
        }
        return new ClassRewrite(
                classNode.name,
                classBytes,
                anySimd ? Map.of(holder.name(), holderBytes) : Map.of(),
                resources,
                report,
                List.copyOf(diagnostics));
    }

    private static String firstProblem(byte[] classBytes, byte[] holderBytes) {
        String problem = ClassVerification.problem(classBytes);
        return problem != null || holderBytes == null ? problem : ClassVerification.problem(holderBytes);
    }

    private byte[] write() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        classNode.accept(writer);
        return writer.toByteArray();
    }

    private void addMarker(List<String> rewritten) {
        AnnotationNode marker = new AnnotationNode(StrideCompiler.COMPILED_MARKER);
        marker.visit("version", VERSION);
        AnnotationVisitor methods = marker.visitArray("methods");
        rewritten.forEach(m -> methods.visit(null, m));
        methods.visitEnd();
        if (classNode.visibleAnnotations == null) {
            classNode.visibleAnnotations = new ArrayList<>();
        }
        classNode.visibleAnnotations.add(marker);
    }

    /** The report of a method whose bytecode was not analysed, and the diagnostic saying why. */
    private MethodReport unanalysed(MethodNode method, KernelAnnotation annotation, BytecodeCheck.Problem problem) {
        int line = firstLine(method);
        diagnostics.add(new Diagnostic(
                problem.severity() == BytecodeCheck.Severity.INVALID
                        ? Diagnostic.Severity.ERROR
                        : Diagnostic.Severity.WARNING,
                sourceFile(),
                line,
                problem.message()));
        return new MethodReport(
                method.name,
                method.desc,
                line,
                annotation.source(),
                List.of(),
                List.of("line " + line + ": " + problem.message()),
                List.of(),
                List.of(),
                options.compiledAt());
    }

    private static int firstLine(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode number) {
                return number.line;
            }
        }
        return 0;
    }

    private boolean isAlreadyCompiled() {
        return isCompiled(classNode);
    }

    static boolean isCompiled(ClassNode classNode) {
        return classNode.visibleAnnotations != null
                && classNode.visibleAnnotations.stream().anyMatch(a -> a.desc.equals(StrideCompiler.COMPILED_MARKER));
    }

    private void diagnose(MethodReport method, boolean strict) {
        for (LoopReport loop : method.loops()) {
            switch (loop.verdict()) {
                case LoopVerdict.Rejected rejected ->
                    diagnostics.add(new Diagnostic(
                            strict ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING,
                            sourceFile(),
                            rejected.line(),
                            method.name() + ": loop " + loop.id()
                                    + (rejected.parallel() ? " not parallelised: " : " not vectorised: ")
                                    + rejected.detail() + " ("
                                    + rejected.reason().sentence() + ")"));
                case LoopVerdict.Vectorized vectorized ->
                    diagnostics.add(new Diagnostic(
                            Diagnostic.Severity.NOTE,
                            sourceFile(),
                            loop.line(),
                            method.name() + ": loop " + loop.id() + " vectorised (" + vectorized.lanes() + " x "
                                    + vectorized.elementType() + ")"));
                case LoopVerdict.Parallel parallel ->
                    diagnostics.add(new Diagnostic(
                            Diagnostic.Severity.NOTE,
                            sourceFile(),
                            loop.line(),
                            method.name() + ": loop " + loop.id() + " runs in parallel (chunk body: " + parallel.body()
                                    + ")"));
                case LoopVerdict.LeftToC2 c2 ->
                    diagnostics.add(new Diagnostic(
                            Diagnostic.Severity.NOTE,
                            sourceFile(),
                            loop.line(),
                            method.name() + ": loop " + loop.id() + " left to C2: " + c2.why()));
                case LoopVerdict.PartOfOuter part -> {
                    // covered by the enclosing loop's diagnostic
                }
            }
        }
    }

    private String sourceFile() {
        return classNode.sourceFile != null ? classNode.sourceFile : binaryName();
    }

    private String binaryName() {
        return classNode.name.replace('/', '.');
    }
}
