package dev.stride.compiler.codegen;

import dev.stride.compiler.analysis.Reduction;
import dev.stride.compiler.analysis.VectorLoopPlan;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Variable;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;

/**
 * Emits the end of a SIMD loop method: each vector accumulator reduced across lanes once and combined with the
 * accumulator's value before the loop; one result is returned as is, several as raw bits in a {@code long[]}.
 */
final class ReductionResults {
    private final GeneratorAdapter code;
    private final VectorLoopPlan plan;
    private final LaneOps ops;
    private final Map<Variable, Integer> argumentOf;

    ReductionResults(GeneratorAdapter code, VectorLoopPlan plan, LaneOps ops, Map<Variable, Integer> argumentOf) {
        this.code = code;
        this.plan = plan;
        this.ops = ops;
        this.argumentOf = argumentOf;
    }

    void emit(Map<Variable, Integer> accumulators) {
        if (plan.reductions().size() == 1) {
            Reduction reduction = plan.reductions().getFirst();
            combined(reduction, accumulators.get(reduction.variable()));
            return;
        }
        if (plan.reductions().isEmpty()) {
            return;
        }
        code.push(plan.reductions().size());
        code.newArray(Type.LONG_TYPE);
        for (int k = 0; k < plan.reductions().size(); k++) {
            Reduction reduction = plan.reductions().get(k);
            code.dup();
            code.push(k);
            combined(reduction, accumulators.get(reduction.variable()));
            toRawLong(reduction.kind());
            code.arrayStore(Type.LONG_TYPE);
        }
    }

    /** Pushes {@code acc op reduceLanes(vector)}. */
    private void combined(Reduction reduction, int vector) {
        Kind kind = reduction.kind();
        code.loadArg(argumentOf.get(reduction.variable()));
        ops.of(kind).reduceOn(vector, reduction.op().name());
        switch (reduction.op()) {
            case ADD -> code.math(GeneratorAdapter.ADD, kind.asmType());
            case MUL -> code.math(GeneratorAdapter.MUL, kind.asmType());
            case AND -> code.math(GeneratorAdapter.AND, kind.asmType());
            case OR -> code.math(GeneratorAdapter.OR, kind.asmType());
            case XOR -> code.math(GeneratorAdapter.XOR, kind.asmType());
            case MIN, MAX -> {
                String descriptor = "(" + kind.asmType().getDescriptor()
                        + kind.asmType().getDescriptor() + ")" + kind.asmType().getDescriptor();
                code.visitMethodInsn(
                        Opcodes.INVOKESTATIC,
                        "java/lang/Math",
                        reduction.op().name().toLowerCase(java.util.Locale.ROOT),
                        descriptor,
                        false);
            }
        }
    }

    private void toRawLong(Kind kind) {
        switch (kind) {
            case DOUBLE ->
                code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            case FLOAT -> {
                code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                code.cast(Type.INT_TYPE, Type.LONG_TYPE);
            }
            case INT -> code.cast(Type.INT_TYPE, Type.LONG_TYPE);
            default -> {
                // long is stored as it is
            }
        }
    }
}
