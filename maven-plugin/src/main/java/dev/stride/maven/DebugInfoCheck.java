package dev.stride.maven;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Whether a class file has line numbers. The plugin's own rule for {@code strict}: a strict build promises every
 * loop verdict with a file and line, which a class compiled with {@code -g:none} cannot give, so strict fails
 * such a class and a lenient build warns.
 */
final class DebugInfoCheck {
    private DebugInfoCheck() {}

    static boolean hasLineNumbers(byte[] classFile) {
        boolean[] found = {false};
        new ClassReader(classFile)
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String desc, String signature, String[] exceptions) {
                                return new MethodVisitor(Opcodes.ASM9) {
                                    @Override
                                    public void visitLineNumber(int line, Label start) {
                                        found[0] = true;
                                    }
                                };
                            }
                        },
                        ClassReader.SKIP_FRAMES);
        return found[0];
    }
}
