package dev.stride.maven;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.report.ClassReport;
import dev.stride.compiler.report.MethodReport;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files made with ASM for the plugin's tests, and a fake compiler that really rewrites. */
final class TestClasses {
    private TestClasses() {}

    /** A class with one static {@code int run()} method, optionally {@code @Jit} and optionally with line numbers. */
    static byte[] classFile(String internalName, boolean annotated, boolean lineNumbers, int result) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, internalName, null, "java/lang/Object", null);
        writer.visitSource(internalName.substring(internalName.lastIndexOf('/') + 1) + ".java", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()I", null, null);
        if (annotated) {
            method.visitAnnotation("Ldev/stride/Jit;", false).visitEnd();
        }
        method.visitCode();
        if (lineNumbers) {
            Label start = new Label();
            method.visitLabel(start);
            method.visitLineNumber(7, start);
        }
        method.visitLdcInsn(result);
        method.visitInsn(Opcodes.IRETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A kernel whose code mentions the marker type (as {@code isAnnotationPresent} would) without carrying it. */
    static byte[] referencingMarker(String internalName) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, internalName, null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()I", null, null);
        method.visitAnnotation("Ldev/stride/Jit;", false).visitEnd();
        method.visitCode();
        Label start = new Label();
        method.visitLabel(start);
        method.visitLineNumber(7, start);
        method.visitLdcInsn(org.objectweb.asm.Type.getType(StrideCompiler.COMPILED_MARKER));
        method.visitInsn(Opcodes.POP);
        method.visitInsn(Opcodes.ICONST_1);
        method.visitInsn(Opcodes.IRETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    static byte[] kernel(String internalName) {
        return classFile(internalName, true, true, 1);
    }

    static byte[] plain(String internalName) {
        return classFile(internalName, false, true, 1);
    }

    /** What a rewritten class looks like to the plugin: different bytes that carry the compiled marker. */
    static byte[] rewritten(String internalName) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, internalName, null, "java/lang/Object", null);
        writer.visitAnnotation(StrideCompiler.COMPILED_MARKER, true).visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * A compiler that rewrites every annotated class it is given, adds a holder class, and records its inputs. It
     * refuses input that already carries the marker, as a compiler must never see its own output.
     */
    static final class FakeCompiler implements KernelCompiler {
        final List<byte[]> inputs = new java.util.ArrayList<>();
        boolean addHolder = true;
        RuntimeException crash;
        List<dev.stride.compiler.Diagnostic> diagnostics = List.of();

        @Override
        public boolean hasStrideAnnotations(byte[] classFile) {
            return StrideCompiler.hasStrideAnnotations(classFile);
        }

        @Override
        public ClassRewrite compile(byte[] classFile) {
            if (crash != null) {
                throw crash;
            }
            if (ClassFiles.hasCompiledMarker(classFile)) {
                throw new AssertionError("the compiler was given a rewritten class");
            }
            inputs.add(classFile);
            String name = new org.objectweb.asm.ClassReader(classFile).getClassName();
            Map<String, byte[]> added = new TreeMap<>();
            if (addHolder) {
                added.put(name + "$StrideSimd", plain(name + "$StrideSimd"));
            }
            MethodReport method =
                    new MethodReport("run", "()I", 7, "@Jit", List.of(), List.of(), List.of(), List.of(), "build");
            ClassReport report = new ClassReport(name.replace('/', '.'), "Kernel.java", List.of(method));
            return new ClassRewrite(name, rewritten(name), added, Map.of(), report, diagnostics);
        }
    }
}
