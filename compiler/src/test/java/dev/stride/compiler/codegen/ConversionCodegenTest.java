package dev.stride.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.kernels.ConversionKernels;
import dev.stride.compiler.testing.RewriteHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What a loop that converts between element sizes emits, read from the SIMD holder (the differential tests check
 * the results): one {@code convertShape} per conversion into the species with the lead's lane count, loads of the
 * narrow array in that tied species, and a mask from an int comparison cast to the double species before it
 * selects doubles.
 */
class ConversionCodegenTest {

    @Test
    void anIntComparisonSelectingDoublesConvertsLanesAndCastsTheMask() {
        ClassNode holder = holder();
        MethodNode loop = loopMethod(holder, "weightByCount$");

        assertEquals(List.of("I2D"), conversions(loop));
        assertTrue(calls(loop, "cast").size() >= 1, "the int mask is cast to the double species");
        assertTrue(speciesRead(loop).contains("SPECIES_INT_LIKE_DOUBLE_256"), "int lanes use the tied species");
    }

    @Test
    void theHolderInitialisesTiedSpeciesFromTheLeadSpecies() {
        ClassNode holder = holder();
        List<String> fields = new ArrayList<>();
        for (FieldNode field : holder.fields) {
            fields.add(field.name);
        }
        assertTrue(fields.contains("SPECIES_DOUBLE_256"), fields.toString());
        assertTrue(fields.contains("SPECIES_INT_LIKE_DOUBLE_256"), fields.toString());
        MethodNode init = holder.methods.stream()
                .filter(m -> m.name.equals("<clinit>"))
                .findFirst()
                .orElseThrow();
        assertTrue(calls(init, "withLanesOf").size() >= 1);
    }

    @Test
    void floatIndexConvertsTheIntLanes() {
        assertEquals(List.of("I2F"), conversions(loopMethod(holder(), "floatIndex$")));
    }

    @Test
    void aLongShiftByIntCountsWidensTheCounts() {
        List<String> conversions = conversions(loopMethod(holder(), "shiftByInts$"));
        assertTrue(conversions.contains("I2L"), conversions.toString());
    }

    private static ClassNode holder() {
        ClassRewrite rewrite = new StrideCompiler(CompilerOptions.defaults())
                .compile(RewriteHarness.classBytes(ConversionKernels.class));
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

    /** The {@code VectorOperators} conversion constants each {@code convertShape} of a method takes. */
    private static List<String> conversions(MethodNode method) {
        List<String> found = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FieldInsnNode field && field.desc.endsWith("VectorOperators$Conversion;")) {
                found.add(field.name);
            }
        }
        assertEquals(found.size(), calls(method, "convertShape").size());
        return found;
    }

    private static List<MethodInsnNode> calls(MethodNode method, String name) {
        List<MethodInsnNode> found = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && call.name.equals(name)) {
                found.add(call);
            }
        }
        return found;
    }

    private static List<String> speciesRead(MethodNode method) {
        List<String> found = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FieldInsnNode field && field.name.startsWith("SPECIES_")) {
                found.add(field.name);
            }
        }
        return found;
    }
}
