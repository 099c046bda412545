package dev.stride.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.kernels.ScanKernels;
import dev.stride.compiler.testing.RewriteHarness;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What a scan loop becomes, checked in the SIMD holder's bytecode (the differential tests check results; these
 * check that the code really is an in-register scan): one {@code unslice} shift-and-combine step per doubling of
 * the shift up to the compiled lane count, the carry advanced by the rearranged last lane, an unmasked store, and no reduction.
 */
class ScanCodegenTest {
    private static final ClassNode HOLDER = holder(
            new StrideCompiler(CompilerOptions.defaults()).compile(RewriteHarness.classBytes(ScanKernels.class)));

    @Test
    void runningMaxInt_isLog2LanesMaxStepsOnIntVectors() {
        MethodNode loop = loopMethod("runningMaxInt$");

        // 256-bit ints: 8 lanes, shifts by 1, 2 and 4
        assertEquals(3, calls(loop, "jdk/incubator/vector/IntVector", "unslice"));
        assertEquals(3 + 2, operators(loop, "MAX"), "one MAX per step, one for the stored value, one for the carry");
        assertEquals(1, calls(loop, "jdk/incubator/vector/IntVector", "rearrange"), "the last lane to the carry");
        assertEquals(1, calls(loop, "jdk/incubator/vector/IntVector", "lane"), "the result");
        assertEquals(1, calls(loop, "jdk/incubator/vector/IntVector", "intoArray"));
        assertEquals(0, calls(loop, "jdk/incubator/vector/IntVector", "reduceLanes"));
    }

    @Test
    void prefixSumInt_usesEightLaneIntVectors() {
        MethodNode loop = loopMethod("prefixSumInt$");

        // 256-bit ints: 8 lanes, shifts by 1, 2 and 4
        assertEquals(3, calls(loop, "jdk/incubator/vector/IntVector", "unslice"));
        assertEquals(3 + 2, operators(loop, "ADD"));
    }

    @Test
    void fillForward_blendsNanLanesWithoutArithmetic() {
        MethodNode loop = loopMethod("fillForward$");

        assertEquals(2, calls(loop, "jdk/incubator/vector/DoubleVector", "unslice"));
        assertEquals(2 + 2, operators(loop, "IS_NAN"));
        assertEquals(2 + 2, calls(loop, "jdk/incubator/vector/DoubleVector", "blend"));
        assertEquals(0, operators(loop, "ADD") + operators(loop, "MAX"));
    }

    private static ClassNode holder(ClassRewrite rewrite) {
        assertEquals(1, rewrite.addedClasses().size());
        ClassNode node = new ClassNode();
        new ClassReader(rewrite.addedClasses().values().iterator().next()).accept(node, 0);
        return node;
    }

    private static MethodNode loopMethod(String prefix) {
        return HOLDER.methods.stream()
                .filter(m -> m.name.startsWith(prefix) && !m.name.endsWith("$end"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no loop method " + prefix + "* in the holder"));
    }

    private static long calls(MethodNode method, String owner, String name) {
        long count = 0;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && call.owner.equals(owner) && call.name.equals(name)) {
                count++;
            }
        }
        assertTrue(method.instructions.size() > 0);
        return count;
    }

    private static long operators(MethodNode method, String name) {
        long count = 0;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FieldInsnNode field
                    && field.owner.equals("jdk/incubator/vector/VectorOperators")
                    && field.name.equals(name)) {
                count++;
            }
        }
        return count;
    }
}
