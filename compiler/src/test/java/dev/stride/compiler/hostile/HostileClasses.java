package dev.stride.compiler.hostile;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Hand-made class files that javac never produces, each with one {@code @Jit} method {@code kernel}, built with ASM
 * so the hostile-input tests do not depend on old compilers: jsr/ret subroutines, irreducible loops, invalid stack
 * use, methods at the 64 KB limit, deep loop nests and very long methods.
 */
final class HostileClasses {
    static final String NAME = "hostile/Kernel";

    private HostileClasses() {}

    /** A Java 5 class whose kernel sums an array through a jsr/ret subroutine inside the loop. */
    static byte[] jsrSubroutine() {
        ClassWriter writer = start(Opcodes.V1_5, 0);
        MethodVisitor m = kernel(writer, "([D)D");
        Label loop = new Label();
        Label done = new Label();
        Label subroutine = new Label();
        Label afterCall = new Label();
        m.visitInsn(Opcodes.DCONST_0);
        m.visitVarInsn(Opcodes.DSTORE, 1);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitVarInsn(Opcodes.ISTORE, 3);
        m.visitLabel(loop);
        m.visitLineNumber(10, loop);
        m.visitVarInsn(Opcodes.ILOAD, 3);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitInsn(Opcodes.ARRAYLENGTH);
        m.visitJumpInsn(Opcodes.IF_ICMPGE, done);
        m.visitJumpInsn(Opcodes.JSR, subroutine);
        m.visitLabel(afterCall);
        m.visitIincInsn(3, 1);
        m.visitJumpInsn(Opcodes.GOTO, loop);
        m.visitLabel(subroutine);
        m.visitVarInsn(Opcodes.ASTORE, 4);
        m.visitVarInsn(Opcodes.DLOAD, 1);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitVarInsn(Opcodes.ILOAD, 3);
        m.visitInsn(Opcodes.DALOAD);
        m.visitInsn(Opcodes.DADD);
        m.visitVarInsn(Opcodes.DSTORE, 1);
        m.visitVarInsn(Opcodes.RET, 4);
        m.visitLabel(done);
        m.visitVarInsn(Opcodes.DLOAD, 1);
        m.visitInsn(Opcodes.DRETURN);
        return finish(writer, m);
    }

    /**
     * A loop with two entries (the method jumps into its middle as well as its head), which no Java source
     * produces: the loop is irreducible and must not be optimised.
     */
    static byte[] irreducibleLoop() {
        ClassWriter writer = start(Opcodes.V1_5, 0);
        MethodVisitor m = kernel(writer, "([DZ)D");
        Label head = new Label();
        Label middle = new Label();
        Label done = new Label();
        m.visitInsn(Opcodes.DCONST_0);
        m.visitVarInsn(Opcodes.DSTORE, 2);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitVarInsn(Opcodes.ISTORE, 4);
        m.visitVarInsn(Opcodes.ILOAD, 1);
        m.visitJumpInsn(Opcodes.IFNE, middle);
        m.visitLabel(head);
        m.visitLineNumber(20, head);
        m.visitVarInsn(Opcodes.ILOAD, 4);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitInsn(Opcodes.ARRAYLENGTH);
        m.visitJumpInsn(Opcodes.IF_ICMPGE, done);
        m.visitVarInsn(Opcodes.DLOAD, 2);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitVarInsn(Opcodes.ILOAD, 4);
        m.visitInsn(Opcodes.DALOAD);
        m.visitInsn(Opcodes.DADD);
        m.visitVarInsn(Opcodes.DSTORE, 2);
        m.visitLabel(middle);
        m.visitIincInsn(4, 1);
        m.visitJumpInsn(Opcodes.GOTO, head);
        m.visitLabel(done);
        m.visitVarInsn(Opcodes.DLOAD, 2);
        m.visitInsn(Opcodes.DRETURN);
        return finish(writer, m);
    }

    /** A kernel whose bytecode pops an empty stack: the class parses but is not valid bytecode. */
    static byte[] stackUnderflow() {
        ClassWriter writer = start(Opcodes.V1_5, 0);
        MethodVisitor m = kernel(writer, "([D)D");
        Label start = new Label();
        m.visitLabel(start);
        m.visitLineNumber(30, start);
        m.visitInsn(Opcodes.DADD);
        m.visitInsn(Opcodes.DRETURN);
        return finish(writer, m);
    }

    /**
     * A vectorisable sum loop preceded by {@code paddingStores} stores of a constant to a local (5 bytes each), so
     * the method's code can be brought close to the 64 KB limit; the rest of the method takes 24 bytes.
     */
    static byte[] sumWithPadding(int paddingStores) {
        ClassWriter writer = start(Opcodes.V17, ClassWriter.COMPUTE_FRAMES);
        MethodVisitor m = kernel(writer, "([D)D");
        Label first = new Label();
        m.visitLabel(first);
        m.visitLineNumber(40, first);
        m.visitInsn(Opcodes.DCONST_0);
        m.visitVarInsn(Opcodes.DSTORE, 1);
        for (int k = 0; k < paddingStores; k++) {
            m.visitIntInsn(Opcodes.SIPUSH, 1000);
            m.visitVarInsn(Opcodes.ISTORE, 200);
        }
        sumLoop(m, 0, 1, 3, 41);
        m.visitVarInsn(Opcodes.DLOAD, 1);
        m.visitInsn(Opcodes.DRETURN);
        return finish(writer, m);
    }

    /** {@code depth} nested counted loops, the innermost summing the array. */
    static byte[] deepNest(int depth) {
        ClassWriter writer = start(Opcodes.V17, ClassWriter.COMPUTE_FRAMES);
        MethodVisitor m = kernel(writer, "([D)D");
        m.visitInsn(Opcodes.DCONST_0);
        m.visitVarInsn(Opcodes.DSTORE, 1);
        Label[] heads = new Label[depth];
        Label[] exits = new Label[depth];
        for (int d = 0; d < depth; d++) {
            int counter = 3 + d;
            heads[d] = new Label();
            exits[d] = new Label();
            m.visitInsn(Opcodes.ICONST_0);
            m.visitVarInsn(Opcodes.ISTORE, counter);
            m.visitLabel(heads[d]);
            m.visitLineNumber(100 + d, heads[d]);
            m.visitVarInsn(Opcodes.ILOAD, counter);
            m.visitInsn(Opcodes.ICONST_2);
            m.visitJumpInsn(Opcodes.IF_ICMPGE, exits[d]);
        }
        sumLoop(m, 0, 1, 3 + depth, 100 + depth);
        for (int d = depth - 1; d >= 0; d--) {
            m.visitIincInsn(3 + d, 1);
            m.visitJumpInsn(Opcodes.GOTO, heads[d]);
            m.visitLabel(exits[d]);
        }
        m.visitVarInsn(Opcodes.DLOAD, 1);
        m.visitInsn(Opcodes.DRETURN);
        return finish(writer, m);
    }

    /** {@code count} sum loops one after the other in one kernel. */
    static byte[] manyLoops(int count) {
        ClassWriter writer = start(Opcodes.V17, ClassWriter.COMPUTE_FRAMES);
        MethodVisitor m = kernel(writer, "([D)D");
        m.visitInsn(Opcodes.DCONST_0);
        m.visitVarInsn(Opcodes.DSTORE, 1);
        for (int k = 0; k < count; k++) {
            sumLoop(m, 0, 1, 3, 1000 + k);
        }
        m.visitVarInsn(Opcodes.DLOAD, 1);
        m.visitInsn(Opcodes.DRETURN);
        return finish(writer, m);
    }

    /** {@code for (i = 0; i < a.length; i++) total += a[i];} with the given local slots. */
    private static void sumLoop(MethodVisitor m, int array, int total, int counter, int line) {
        Label head = new Label();
        Label exit = new Label();
        m.visitInsn(Opcodes.ICONST_0);
        m.visitVarInsn(Opcodes.ISTORE, counter);
        m.visitLabel(head);
        m.visitLineNumber(line, head);
        m.visitVarInsn(Opcodes.ILOAD, counter);
        m.visitVarInsn(Opcodes.ALOAD, array);
        m.visitInsn(Opcodes.ARRAYLENGTH);
        m.visitJumpInsn(Opcodes.IF_ICMPGE, exit);
        m.visitVarInsn(Opcodes.DLOAD, total);
        m.visitVarInsn(Opcodes.ALOAD, array);
        m.visitVarInsn(Opcodes.ILOAD, counter);
        m.visitInsn(Opcodes.DALOAD);
        m.visitInsn(Opcodes.DADD);
        m.visitVarInsn(Opcodes.DSTORE, total);
        m.visitIincInsn(counter, 1);
        m.visitJumpInsn(Opcodes.GOTO, head);
        m.visitLabel(exit);
    }

    private static ClassWriter start(int version, int flags) {
        ClassWriter writer = new ClassWriter(flags | ClassWriter.COMPUTE_MAXS);
        writer.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, NAME, null, "java/lang/Object", null);
        writer.visitSource("Kernel.java", null);
        return writer;
    }

    private static MethodVisitor kernel(ClassWriter writer, String descriptor) {
        MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "kernel", descriptor, null, null);
        AnnotationVisitor jit = m.visitAnnotation("Ldev/stride/Jit;", false);
        jit.visit("fastmath", Boolean.TRUE);
        jit.visitEnd();
        m.visitCode();
        return m;
    }

    private static byte[] finish(ClassWriter writer, MethodVisitor m) {
        m.visitMaxs(0, 0);
        m.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
