package dev.stride.compiler;

import dev.stride.compiler.frontend.KernelAnnotation;
import dev.stride.compiler.report.ClassReport;
import dev.stride.compiler.report.MethodReport;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Compiles the annotated methods of one class and assembles the class-level result. */
final class ClassCompilation {
    private final CompilerOptions options;
    private final ClassNode classNode;
    private final byte[] originalBytes;

    ClassCompilation(CompilerOptions options, ClassNode classNode, byte[] originalBytes) {
        this.options = options;
        this.classNode = classNode;
        this.originalBytes = originalBytes;
    }

    ClassRewrite run() {
        List<MethodReport> reports = new ArrayList<>();
        for (MethodNode method : classNode.methods) {
            KernelAnnotation.of(method)
                    .ifPresent(annotation -> reports.add(new MethodReport(
                            method.name,
                            method.desc,
                            0,
                            annotation.source(),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            options.compiledAt())));
        }
        ClassReport report = new ClassReport(classNode.name.replace('/', '.'), classNode.sourceFile, reports);
        return StrideCompiler.unchanged(classNode, report, List.of());
    }

    byte[] originalBytes() {
        return originalBytes;
    }
}
