package dev.stride.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.kernels.MapKernels;
import dev.stride.compiler.testing.RewriteHarness;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What if-conversion emits, checked in the SIMD holder's bytecode (the differential tests check results; these
 * check the shape that makes the code fast): a store after a ternary, which every lane reaches, is unmasked; a
 * store inside an {@code if} stays masked.
 */
class IfConversionCodegenTest {
    private static final String MASKED_STORE = "([DILjdk/incubator/vector/VectorMask;)V";
    private static final String UNMASKED_STORE = "([DI)V";

    @Test
    void aStoreAfterATernaryIsUnmasked_aStoreInsideAnIfStaysMasked() {
        ClassRewrite rewrite =
                new StrideCompiler(CompilerOptions.defaults()).compile(RewriteHarness.classBytes(MapKernels.class));
        ClassNode holder = holder(rewrite);

        MethodNode ternary = loopMethod(holder, "nanToZero$");
        MethodNode inIf = loopMethod(holder, "nanToZeroInPlace$");

        assertEquals(0, stores(ternary, MASKED_STORE));
        assertEquals(1, stores(ternary, UNMASKED_STORE));
        assertEquals(1, stores(inIf, MASKED_STORE));
    }

    private static ClassNode holder(ClassRewrite rewrite) {
        assertEquals(1, rewrite.addedClasses().size());
        ClassNode node = new ClassNode();
        new ClassReader(rewrite.addedClasses().values().iterator().next()).accept(node, 0);
        return node;
    }

    private static MethodNode loopMethod(ClassNode holder, String prefix) {
        return holder.methods.stream()
                .filter(m -> m.name.startsWith(prefix) && !m.name.endsWith("$end"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no loop method " + prefix + "* in the holder"));
    }

    private static long stores(MethodNode method, String descriptor) {
        long count = 0;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && call.name.equals("intoArray") && call.desc.equals(descriptor)) {
                count++;
            }
        }
        assertTrue(method.instructions.size() > 0);
        return count;
    }
}
