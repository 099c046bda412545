package dev.stride.compiler.codegen;

import dev.stride.compiler.analysis.ParallelLoopPlan;
import dev.stride.compiler.analysis.Reduction;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Variable;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Replaces a {@code prange} loop's entry with a call of {@code ParallelLoops}, following the protocol of
 * {@code docs/parallel-runtime.md}:
 *
 * <pre>
 *   int hi = n;                                    // the marker's argument, evaluated as the header would
 *   if (i &lt; hi &amp;&amp; a != b ...) {                    // trip count positive, alias checks hold
 *       acc = ParallelLoops.reduceX(i, hi, threshold, OP, acc, indy(captured...) -> f$prange$L1);
 *       i = hi;                                    // the original loop's test now exits at once
 *   }
 *   header: (the original loop, unchanged: it runs when the checks fail)
 * </pre>
 *
 * <p>The runtime's serial paths (kill switch, nested call, one thread, below threshold) run the whole range as one
 * chunk on the calling thread, so the original loop runs only when a check fails. No try region is involved: an
 * exception from a chunk leaves the method as it would have left the serial loop.
 */
public final class ParallelLoopPatcher {
    private static final String PACKAGE = "dev/stride/runtime/parallel/";
    private static final String LOOPS = PACKAGE + "ParallelLoops";
    private static final String OPERATOR = PACKAGE + "ReductionOperator";
    private static final Handle METAFACTORY = new Handle(
            Opcodes.H_INVOKESTATIC,
            "java/lang/invoke/LambdaMetafactory",
            "metafactory",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
                    + "Ljava/lang/invoke/CallSite;",
            false);

    private ParallelLoopPatcher() {}

    /**
     * Patches the loop's entry.
     *
     * @param function the lifted method (its method node is modified)
     * @param plan the loop's plan
     * @param site the header site taken before patching
     * @param chunk the outlined chunk method
     */
    public static void patch(
            Function function, ParallelLoopPlan plan, PreheaderPatcher.HeaderSite site, ChunkOutliner.Chunk chunk) {
        MethodNode method = function.method();
        int iv = plan.counted().inductionVariable().slot();
        int hi = method.maxLocals;
        method.maxLocals += 1;
        InsnList code = new InsnList();
        BoundEmitter.emit(plan.bound(), code);
        code.add(new VarInsnNode(Opcodes.ISTORE, hi));
        code.add(new VarInsnNode(Opcodes.ILOAD, iv));
        code.add(new VarInsnNode(Opcodes.ILOAD, hi));
        code.add(new JumpInsnNode(Opcodes.IF_ICMPGE, site.label()));
        for (List<Variable> pair : plan.aliasChecks()) {
            code.add(new VarInsnNode(Opcodes.ALOAD, pair.get(0).slot()));
            code.add(new VarInsnNode(Opcodes.ALOAD, pair.get(1).slot()));
            code.add(new JumpInsnNode(Opcodes.IF_ACMPEQ, site.label()));
        }
        code.add(new VarInsnNode(Opcodes.ILOAD, iv));
        code.add(new VarInsnNode(Opcodes.ILOAD, hi));
        code.add(new LdcInsnNode(plan.threshold()));
        Reduction reduction = plan.reduction();
        if (reduction != null) {
            code.add(new FieldInsnNode(Opcodes.GETSTATIC, OPERATOR, operator(reduction.op()), "L" + OPERATOR + ";"));
            code.add(new VarInsnNode(
                    reduction.kind().asmType().getOpcode(Opcodes.ILOAD),
                    reduction.variable().slot()));
        }
        Shape shape = Shape.of(reduction == null ? null : reduction.kind());
        StringBuilder captured = new StringBuilder("(");
        for (int k = 0; k < chunk.capturedSlots().size(); k++) {
            Type type = Type.getType(chunk.capturedDescriptors().get(k));
            code.add(new VarInsnNode(
                    type.getOpcode(Opcodes.ILOAD), chunk.capturedSlots().get(k)));
            captured.append(type.getDescriptor());
        }
        captured.append(")L").append(PACKAGE).append(shape.bodyInterface).append(';');
        Type samType = Type.getMethodType(shape.samDescriptor);
        Handle implementation =
                new Handle(Opcodes.H_INVOKESTATIC, function.owner(), chunk.method().name, chunk.method().desc, false);
        code.add(new InvokeDynamicInsnNode(
                shape.samName, captured.toString(), METAFACTORY, samType, implementation, samType));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, LOOPS, shape.entry, shape.entryDescriptor(), false));
        if (reduction != null) {
            code.add(new VarInsnNode(
                    reduction.kind().asmType().getOpcode(Opcodes.ISTORE),
                    reduction.variable().slot()));
        }
        code.add(new VarInsnNode(Opcodes.ILOAD, hi));
        code.add(new VarInsnNode(Opcodes.ISTORE, iv));
        PreheaderPatcher.insertOnEntry(method, site, code);
    }

    private static String operator(Reduction.ReductionOp op) {
        return switch (op) {
            case ADD -> "SUM";
            case MUL -> "PRODUCT";
            case MIN -> "MIN";
            case MAX -> "MAX";
            case AND -> "AND";
            case OR -> "OR";
            case XOR -> "XOR";
        };
    }

    /** The runtime entry point, body interface and method for a loop without or with one reduction. */
    private enum Shape {
        FOR_RANGE("forRange", "ChunkBody", "run", "(II)V", null),
        INT("reduceInt", "IntChunkReducer", "reduce", "(III)I", "I"),
        LONG("reduceLong", "LongChunkReducer", "reduce", "(IIJ)J", "J"),
        FLOAT("reduceFloat", "FloatChunkReducer", "reduce", "(IIF)F", "F"),
        DOUBLE("reduceDouble", "DoubleChunkReducer", "reduce", "(IID)D", "D");

        final String entry;
        final String bodyInterface;
        final String samName;
        final String samDescriptor;
        final String value;

        Shape(String entry, String bodyInterface, String samName, String samDescriptor, String value) {
            this.entry = entry;
            this.bodyInterface = bodyInterface;
            this.samName = samName;
            this.samDescriptor = samDescriptor;
            this.value = value;
        }

        static Shape of(Kind kind) {
            if (kind == null) {
                return FOR_RANGE;
            }
            return switch (kind) {
                case INT -> INT;
                case LONG -> LONG;
                case FLOAT -> FLOAT;
                case DOUBLE -> DOUBLE;
                default -> throw new IllegalArgumentException("no parallel reduction of " + kind);
            };
        }

        String entryDescriptor() {
            String body = "L" + PACKAGE + bodyInterface + ";";
            return value == null ? "(III" + body + ")V" : "(IIIL" + OPERATOR + ";" + value + body + ")" + value;
        }
    }
}
