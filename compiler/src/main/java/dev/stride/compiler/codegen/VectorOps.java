package dev.stride.compiler.codegen;

import dev.stride.compiler.ir.Kind;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;

/**
 * Emits single Vector API calls for one lane kind and species field: loads, stores, broadcasts, lanewise
 * operators, comparisons, blends and mask logic. Each method leaves its result on the operand stack.
 */
final class VectorOps {
    private final GeneratorAdapter code;
    private final String holder;
    private final Kind kind;
    private final String speciesField;
    private final Type vector;

    VectorOps(GeneratorAdapter code, String holder, Kind kind, int bits) {
        this(code, holder, kind, VectorTypes.speciesField(kind, bits));
    }

    /**
     * Operations on the species held in a given holder field.
     *
     * @param code the method being written
     * @param holder the holder class's internal name
     * @param kind the lane kind
     * @param speciesField the holder's species field
     */
    VectorOps(GeneratorAdapter code, String holder, Kind kind, String speciesField) {
        this.code = code;
        this.holder = holder;
        this.kind = kind;
        this.speciesField = speciesField;
        this.vector = VectorTypes.vector(kind);
    }

    /** @return the lane kind */
    Kind kind() {
        return kind;
    }

    Type vectorType() {
        return vector;
    }

    /** Stores the vector on the stack into a local. */
    void storeTo(int local) {
        code.storeLocal(local);
    }

    void species() {
        code.visitFieldInsn(Opcodes.GETSTATIC, holder, speciesField, VectorTypes.SPECIES.getDescriptor());
    }

    /** Pushes {@code species.length()}. */
    void lanes() {
        species();
        code.visitMethodInsn(Opcodes.INVOKEINTERFACE, VectorTypes.SPECIES.getInternalName(), "length", "()I", true);
    }

    /** Stack: array, index -> vector. */
    void fromArray() {
        String descriptor = "(" + VectorTypes.SPECIES.getDescriptor() + "["
                + kind.asmType().getDescriptor() + "I)" + vector.getDescriptor();
        code.visitMethodInsn(Opcodes.INVOKESTATIC, vector.getInternalName(), "fromArray", descriptor, false);
    }

    /** Stack: vector, array, index [, mask] -> (nothing). */
    void intoArray(boolean masked) {
        String descriptor =
                "([" + kind.asmType().getDescriptor() + "I" + (masked ? VectorTypes.MASK.getDescriptor() : "") + ")V";
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, vector.getInternalName(), "intoArray", descriptor, false);
    }

    /** Stack: scalar of the lane kind -> vector (species is pushed first by this method's caller order). */
    void broadcastFromScalarOnStack(int scalarLocal) {
        species();
        code.loadLocal(scalarLocal);
        String descriptor = "(" + VectorTypes.SPECIES.getDescriptor()
                + kind.asmType().getDescriptor() + ")" + vector.getDescriptor();
        code.visitMethodInsn(Opcodes.INVOKESTATIC, vector.getInternalName(), "broadcast", descriptor, false);
    }

    /**
     * Pushes the induction variable's value in every lane, {@code i, i+1, ...}: {@code broadcast(i).addIndex(1)},
     * with {@code i} first converted to the lane kind ({@code long}, {@code double}) where needed.
     */
    void inductionLanes(int inductionLocal) {
        species();
        code.loadLocal(inductionLocal);
        code.cast(Type.INT_TYPE, kind.asmType());
        String descriptor = "(" + VectorTypes.SPECIES.getDescriptor()
                + kind.asmType().getDescriptor() + ")" + vector.getDescriptor();
        code.visitMethodInsn(Opcodes.INVOKESTATIC, vector.getInternalName(), "broadcast", descriptor, false);
        code.push(1);
        code.visitMethodInsn(
                Opcodes.INVOKEVIRTUAL, vector.getInternalName(), "addIndex", "(I)" + vector.getDescriptor(), false);
    }

    void operator(String name) {
        String family = VectorTypes.familyOf(name);
        code.visitFieldInsn(Opcodes.GETSTATIC, VectorTypes.OPERATORS, name, VectorTypes.operatorDescriptor(family));
    }

    /** Emits {@code a.lanewise(OP)} where a is in a local. */
    void unaryOn(int aLocal, String operator) {
        code.loadLocal(aLocal);
        operator(operator);
        code.visitMethodInsn(
                Opcodes.INVOKEVIRTUAL,
                vector.getInternalName(),
                "lanewise",
                "(" + VectorTypes.operatorDescriptor("Unary") + ")" + vector.getDescriptor(),
                false);
    }

    /** Emits {@code a.lanewise(OP, b)} with a and b in locals. */
    void binaryOn(int aLocal, String operator, int bLocal) {
        code.loadLocal(aLocal);
        operator(operator);
        code.loadLocal(bLocal);
        code.visitMethodInsn(
                Opcodes.INVOKEVIRTUAL,
                vector.getInternalName(),
                "lanewise",
                "(" + VectorTypes.operatorDescriptor("Binary") + VectorTypes.VECTOR.getDescriptor() + ")"
                        + vector.getDescriptor(),
                false);
    }

    /** Emits {@code a.compare(OP, b)} with a and b in locals. */
    void compareOn(int aLocal, String operator, int bLocal) {
        code.loadLocal(aLocal);
        operator(operator);
        code.loadLocal(bLocal);
        code.visitMethodInsn(
                Opcodes.INVOKEVIRTUAL,
                vector.getInternalName(),
                "compare",
                "(" + VectorTypes.operatorDescriptor("Comparison") + VectorTypes.VECTOR.getDescriptor() + ")"
                        + VectorTypes.MASK.getDescriptor(),
                false);
    }

    /** Emits {@code a.test(IS_NAN)} with a in a local. */
    void isNanOn(int aLocal) {
        code.loadLocal(aLocal);
        operator("IS_NAN");
        code.visitMethodInsn(
                Opcodes.INVOKEVIRTUAL,
                vector.getInternalName(),
                "test",
                "(" + VectorTypes.operatorDescriptor("Test") + ")" + VectorTypes.MASK.getDescriptor(),
                false);
    }

    /** Emits {@code a.blend(b, mask)} with all three in locals. */
    void blendOn(int aLocal, int bLocal, int maskLocal) {
        code.loadLocal(aLocal);
        code.loadLocal(bLocal);
        code.loadLocal(maskLocal);
        code.visitMethodInsn(
                Opcodes.INVOKEVIRTUAL,
                vector.getInternalName(),
                "blend",
                "(" + VectorTypes.VECTOR.getDescriptor() + VectorTypes.MASK.getDescriptor() + ")"
                        + vector.getDescriptor(),
                false);
    }

    /** Emits {@code a.reduceLanes(OP)} with a in a local; leaves a scalar of the lane kind. */
    void reduceOn(int aLocal, String operator) {
        code.loadLocal(aLocal);
        operator(operator);
        code.visitMethodInsn(
                Opcodes.INVOKEVIRTUAL,
                vector.getInternalName(),
                "reduceLanes",
                "(" + VectorTypes.operatorDescriptor("Associative") + ")"
                        + kind.asmType().getDescriptor(),
                false);
    }

    /** Emits {@code m1.and(m2)}, {@code or}, or {@code andNot} for masks in locals. */
    void maskLogic(int m1, String operation, int m2) {
        code.loadLocal(m1);
        code.loadLocal(m2);
        code.visitMethodInsn(
                Opcodes.INVOKEVIRTUAL,
                VectorTypes.MASK.getInternalName(),
                operation,
                "(" + VectorTypes.MASK.getDescriptor() + ")" + VectorTypes.MASK.getDescriptor(),
                false);
    }

    /** Emits {@code m.not()} for a mask in a local. */
    void maskNot(int m) {
        code.loadLocal(m);
        code.visitMethodInsn(
                Opcodes.INVOKEVIRTUAL,
                VectorTypes.MASK.getInternalName(),
                "not",
                "()" + VectorTypes.MASK.getDescriptor(),
                false);
    }

    /** Stack: boolean -> mask of all lanes set to it. */
    void maskAll() {
        species();
        code.swap();
        code.visitMethodInsn(
                Opcodes.INVOKEINTERFACE,
                VectorTypes.SPECIES.getInternalName(),
                "maskAll",
                "(Z)" + VectorTypes.MASK.getDescriptor(),
                true);
    }

    /**
     * Emits {@code a.convertShape(FROM2TO, target's species, 0)} for a vector in a local: lane k of the result is
     * Java's cast of lane k of {@code a} (both species have the same lane count). Leaves a vector of the target.
     */
    void convertOn(int aLocal, VectorOps target) {
        code.loadLocal(aLocal);
        String conversion = VectorTypes.conversion(kind, target.kind);
        code.visitFieldInsn(
                Opcodes.GETSTATIC, VectorTypes.OPERATORS, conversion, VectorTypes.operatorDescriptor("Conversion"));
        target.species();
        code.push(0);
        code.visitMethodInsn(
                Opcodes.INVOKEVIRTUAL,
                VectorTypes.VECTOR.getInternalName(),
                "convertShape",
                "(" + VectorTypes.operatorDescriptor("Conversion") + VectorTypes.SPECIES.getDescriptor() + "I)"
                        + VectorTypes.VECTOR.getDescriptor(),
                false);
        code.checkCast(target.vector);
    }

    /** Stack: a mask of another species with the same lane count -> the same lanes as a mask of this species. */
    void castMask() {
        species();
        code.visitMethodInsn(
                Opcodes.INVOKEVIRTUAL,
                VectorTypes.MASK.getInternalName(),
                "cast",
                "(" + VectorTypes.SPECIES.getDescriptor() + ")" + VectorTypes.MASK.getDescriptor(),
                false);
    }
}
