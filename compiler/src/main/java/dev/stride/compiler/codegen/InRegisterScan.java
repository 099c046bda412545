package dev.stride.compiler.codegen;

import dev.stride.compiler.analysis.Scan;
import dev.stride.compiler.ir.Kind;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;

/**
 * Emits the inclusive prefix of one vector with an associative operator, in registers (Hillis and Steele's scan):
 *
 * <pre>
 *   lanes:          x0   x1      x2         x3
 *   k = 1:          x0   x0+x1   x1+x2      x2+x3        x = x + x.unslice(1, identity, 0)
 *   k = 2:          x0   x0+x1   x0+..+x2   x0+..+x3     x = x + x.unslice(2, identity, 0)
 *   out:            c+x0 ...                c+x0+..+x3   out = carry + x
 *   carry:          c+x0+..+x3 in every lane               carry = carry + x.rearrange(last lane everywhere)
 * </pre>
 *
 * <p>{@code v.unslice(k, w, 0)} is {@code v} moved up by {@code k} lanes with the lanes of {@code w} below: with
 * {@code w} the operator's identity, the shifted-in lanes change nothing (the identity of {@code +} is {@code -0.0}
 * so that a lane holding {@code -0.0} keeps its sign; of fill-forward, NaN).
 *
 * <p>Implementation notes: the species may be narrower at run time than at compile time ({@code Species.fit}), so
 * a step is emitted for every {@code k} below the compiled lane count, each behind {@code k < species.length()};
 * the species is a {@code static final} and C2 folds these tests away.
 */
final class InRegisterScan {
    private final GeneratorAdapter code;
    private final VectorOps ops;
    private final Scan scan;
    private final Kind kind;
    private final int maxLanes;
    private static final Type SHUFFLE = Type.getObjectType("jdk/incubator/vector/VectorShuffle");

    InRegisterScan(GeneratorAdapter code, VectorOps ops, Scan scan, Kind kind, int maxLanes) {
        this.code = code;
        this.ops = ops;
        this.scan = scan;
        this.kind = kind;
        this.maxLanes = maxLanes;
    }

    /** Replaces the vector in local {@code vector} by its inclusive prefix; {@code identity} holds the identity. */
    void prefix(int vector, int identity) {
        for (int k = 1; k < maxLanes; k *= 2) {
            Label skip = new Label();
            code.push(k);
            ops.lanes();
            code.ifICmp(GeneratorAdapter.GE, skip);
            code.loadLocal(vector);
            code.push(k);
            code.loadLocal(identity);
            code.push(0);
            code.visitMethodInsn(
                    Opcodes.INVOKEVIRTUAL,
                    ops.vectorType().getInternalName(),
                    "unslice",
                    "(I" + VectorTypes.VECTOR.getDescriptor() + "I)"
                            + ops.vectorType().getDescriptor(),
                    false);
            int shifted = code.newLocal(ops.vectorType());
            code.storeLocal(shifted);
            combine(shifted, vector);
            code.mark(skip);
        }
    }

    /** {@code later = earlier op later}, lane by lane. */
    void combine(int earlier, int later) {
        combineInto(earlier, later, later);
    }

    /** {@code result = earlier op later}, lane by lane. */
    void combineInto(int earlier, int later, int result) {
        if (scan.operator() == Scan.Operator.FILL_NAN) {
            ops.isNanOn(later);
            int nan = code.newLocal(VectorTypes.MASK);
            code.storeLocal(nan);
            ops.blendOn(later, earlier, nan);
        } else {
            ops.binaryOn(earlier, scan.operator().vectorOperator(), later);
        }
        code.storeLocal(result);
    }

    /**
     * Pushes the shuffle that copies the last lane into every lane, {@code VectorShuffle.iota(species, L - 1, 0,
     * true)}, computed once before the loop.
     */
    void lastLaneShuffle() {
        ops.species();
        ops.lanes();
        code.push(1);
        code.math(GeneratorAdapter.SUB, Type.INT_TYPE);
        code.push(0);
        code.push(true);
        code.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                SHUFFLE.getInternalName(),
                "iota",
                "(" + VectorTypes.SPECIES.getDescriptor() + "IIZ)" + SHUFFLE.getDescriptor(),
                false);
    }

    /**
     * {@code carry = carry op prefix.rearrange(last)}: the scan's value after this vector. Taking the last lane
     * from the vector's own prefix rather than from {@code carry op prefix} keeps the chain from one vector to the
     * next to a single operation (measured here: the 64K-double prefix sum ran 1.8x faster than the scalar loop
     * this way, slower than it with the carry taken from the combined vector's lane).
     */
    void advanceCarry(int prefix, int lastShuffle, int carry) {
        code.loadLocal(prefix);
        code.loadLocal(lastShuffle);
        code.visitMethodInsn(
                Opcodes.INVOKEVIRTUAL,
                ops.vectorType().getInternalName(),
                "rearrange",
                "(" + SHUFFLE.getDescriptor() + ")" + ops.vectorType().getDescriptor(),
                false);
        int last = code.newLocal(ops.vectorType());
        code.storeLocal(last);
        combine(carry, last);
        code.loadLocal(last);
        code.storeLocal(carry);
    }

    /** Stack: vector, index -> the lane's scalar. */
    void lane() {
        code.visitMethodInsn(
                Opcodes.INVOKEVIRTUAL,
                ops.vectorType().getInternalName(),
                "lane",
                "(I)" + kind.asmType().getDescriptor(),
                false);
    }
}
