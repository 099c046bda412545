package dev.stride.compiler.codegen;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicVerifier;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * The gate every emitted class passes before it is written: ASM's {@link CheckClassAdapter} (structure,
 * descriptors, instruction operands) and an {@link Analyzer} with {@link BasicVerifier} over every method (stack
 * and local types along every path). Neither loads classes, so it runs in any build JVM.
 */
public final class ClassVerification {

    private ClassVerification() {}

    /**
     * Verifies a class file.
     *
     * @param classFile the bytes
     * @return null when the class is valid, else a description of the first problem
     */
    public static String problem(byte[] classFile) {
        try {
            ClassNode node = new ClassNode();
            new ClassReader(classFile).accept(new CheckClassAdapter(node, false), 0);
            for (MethodNode method : node.methods) {
                if (method.instructions.size() > 0) {
                    try {
                        new Analyzer<>(new BasicVerifier()).analyze(node.name, method);
                    } catch (AnalyzerException e) {
                        return node.name + "." + method.name + method.desc + ": " + describe(e);
                    }
                }
            }
            return null;
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    private static String describe(AnalyzerException e) {
        return e.getMessage() + (e.node == null ? "" : " (instruction opcode " + e.node.getOpcode() + ")");
    }
}
