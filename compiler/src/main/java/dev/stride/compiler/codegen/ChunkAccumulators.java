package dev.stride.compiler.codegen;

import dev.stride.compiler.analysis.Reduction;
import dev.stride.compiler.ir.Kind;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * How a parallel loop's reductions travel between the call site, {@code ParallelLoops} and the chunk method, in
 * the three shapes of the runtime protocol (docs/parallel-runtime.md):
 *
 * <ul>
 *   <li>none: {@code forRange} with a {@code ChunkBody (II)V};
 *   <li>one: {@code reduceInt/Long/Float/Double}; the accumulator is the chunk's last parameter and its result;
 *   <li>several: {@code reduceSlots}; the chunk takes {@code (long[] longSlots, double[] doubleSlots)}, loads
 *       each accumulator from its slot at entry and stores it back at exit. {@code int} accumulators travel in
 *       {@code long} slots, {@code float} ones in {@code double} slots. The chunk itself still computes in the
 *       accumulator's own type (it is the original loop), which is exact: {@code + * & | ^} of the
 *       sign-extended partials agree with {@code int} arithmetic in the low 32 bits, and the {@code long}
 *       identities of {@code min}/{@code max} are clamped to the {@code int} ones at entry.
 * </ul>
 */
final class ChunkAccumulators {
    static final String PACKAGE = "dev/stride/runtime/parallel/";
    private static final String OPERATOR = PACKAGE + "ReductionOperator";

    private final List<Reduction> reductions;

    ChunkAccumulators(List<Reduction> reductions) {
        this.reductions = reductions;
    }

    private boolean slots() {
        return reductions.size() > 1;
    }

    /** @return the chunk method's parameters after {@code (int lo, int hi)} */
    List<Type> trailingParameters() {
        if (reductions.isEmpty()) {
            return List.of();
        }
        return slots()
                ? List.of(Type.getType("[J"), Type.getType("[D"))
                : List.of(reductions.getFirst().kind().asmType());
    }

    /** @return the chunk method's return type */
    Type returnType() {
        return reductions.size() == 1 ? reductions.getFirst().kind().asmType() : Type.VOID_TYPE;
    }

    /**
     * Pushes an accumulator's starting value in the chunk's prologue.
     *
     * @param code the prologue
     * @param reduction the accumulator
     * @param trailing the slot of the first trailing parameter
     */
    void loadInitial(InsnList code, Reduction reduction, int trailing) {
        Kind kind = reduction.kind();
        if (!slots()) {
            code.add(new VarInsnNode(kind.asmType().getOpcode(Opcodes.ILOAD), trailing));
            return;
        }
        boolean wide = isLongSlot(kind);
        code.add(new VarInsnNode(Opcodes.ALOAD, wide ? trailing : trailing + 1));
        code.add(new LdcInsnNode(slotIndex(reduction)));
        code.add(new InsnNode(wide ? Opcodes.LALOAD : Opcodes.DALOAD));
        if (kind == Kind.INT) {
            clampToInt(code, reduction.op());
            code.add(new InsnNode(Opcodes.L2I));
        } else if (kind == Kind.FLOAT) {
            code.add(new InsnNode(Opcodes.D2F));
        }
    }

    /** The long identities of min/max are outside the int range: clamp them to the int identities. */
    private static void clampToInt(InsnList code, Reduction.ReductionOp op) {
        if (op == Reduction.ReductionOp.MIN || op == Reduction.ReductionOp.MAX) {
            boolean min = op == Reduction.ReductionOp.MIN;
            code.add(new LdcInsnNode(min ? (long) Integer.MAX_VALUE : (long) Integer.MIN_VALUE));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Math", min ? "min" : "max", "(JJ)J", false));
        }
    }

    /**
     * Ends the chunk method: returns the accumulator, or stores every accumulator into its slot.
     *
     * @param code the chunk's code
     * @param base the slot offset of the copied locals
     * @param trailing the slot of the first trailing parameter
     */
    void returnFromChunk(InsnList code, int base, int trailing) {
        if (reductions.isEmpty()) {
            code.add(new InsnNode(Opcodes.RETURN));
            return;
        }
        if (!slots()) {
            Type type = reductions.getFirst().kind().asmType();
            code.add(new VarInsnNode(
                    type.getOpcode(Opcodes.ILOAD),
                    base + reductions.getFirst().variable().slot()));
            code.add(new InsnNode(type.getOpcode(Opcodes.IRETURN)));
            return;
        }
        for (Reduction reduction : reductions) {
            boolean wide = isLongSlot(reduction.kind());
            code.add(new VarInsnNode(Opcodes.ALOAD, wide ? trailing : trailing + 1));
            code.add(new LdcInsnNode(slotIndex(reduction)));
            loadWidened(code, reduction, base + reduction.variable().slot());
            code.add(new InsnNode(wide ? Opcodes.LASTORE : Opcodes.DASTORE));
        }
        code.add(new InsnNode(Opcodes.RETURN));
    }

    /**
     * At the call site, after {@code lo, hi, threshold}: pushes the operator and initial value, or the operator
     * arrays and the slot arrays (filled with the accumulators' current values).
     *
     * @param code the call site
     * @param temps two free local slots for the slot arrays
     */
    void pushReductionArguments(InsnList code, int temps) {
        if (reductions.isEmpty()) {
            return;
        }
        if (!slots()) {
            Reduction reduction = reductions.getFirst();
            code.add(new FieldInsnNode(Opcodes.GETSTATIC, OPERATOR, operator(reduction.op()), "L" + OPERATOR + ";"));
            code.add(new VarInsnNode(
                    reduction.kind().asmType().getOpcode(Opcodes.ILOAD),
                    reduction.variable().slot()));
            return;
        }
        for (boolean wide : new boolean[] {true, false}) {
            List<Reduction> group = group(wide);
            code.add(new LdcInsnNode(group.size()));
            code.add(new TypeInsnNode(Opcodes.ANEWARRAY, OPERATOR));
            for (int k = 0; k < group.size(); k++) {
                code.add(new InsnNode(Opcodes.DUP));
                code.add(new LdcInsnNode(k));
                code.add(new FieldInsnNode(
                        Opcodes.GETSTATIC, OPERATOR, operator(group.get(k).op()), "L" + OPERATOR + ";"));
                code.add(new InsnNode(Opcodes.AASTORE));
            }
            int temp = wide ? temps : temps + 1;
            code.add(new LdcInsnNode(group.size()));
            code.add(new IntInsnNode(Opcodes.NEWARRAY, wide ? Opcodes.T_LONG : Opcodes.T_DOUBLE));
            code.add(new VarInsnNode(Opcodes.ASTORE, temp));
            for (int k = 0; k < group.size(); k++) {
                code.add(new VarInsnNode(Opcodes.ALOAD, temp));
                code.add(new LdcInsnNode(k));
                loadWidened(code, group.get(k), group.get(k).variable().slot());
                code.add(new InsnNode(wide ? Opcodes.LASTORE : Opcodes.DASTORE));
            }
            code.add(new VarInsnNode(Opcodes.ALOAD, temp));
        }
    }

    /**
     * At the call site, after the runtime call: stores the results into the accumulators.
     *
     * @param code the call site
     * @param temps the slots passed to {@link #pushReductionArguments}
     */
    void storeResults(InsnList code, int temps) {
        if (reductions.size() == 1) {
            Reduction reduction = reductions.getFirst();
            code.add(new VarInsnNode(
                    reduction.kind().asmType().getOpcode(Opcodes.ISTORE),
                    reduction.variable().slot()));
            return;
        }
        for (Reduction reduction : reductions) {
            boolean wide = isLongSlot(reduction.kind());
            code.add(new VarInsnNode(Opcodes.ALOAD, wide ? temps : temps + 1));
            code.add(new LdcInsnNode(slotIndex(reduction)));
            code.add(new InsnNode(wide ? Opcodes.LALOAD : Opcodes.DALOAD));
            if (reduction.kind() == Kind.INT) {
                code.add(new InsnNode(Opcodes.L2I));
            } else if (reduction.kind() == Kind.FLOAT) {
                code.add(new InsnNode(Opcodes.D2F));
            }
            code.add(new VarInsnNode(
                    reduction.kind().asmType().getOpcode(Opcodes.ISTORE),
                    reduction.variable().slot()));
        }
    }

    /** The runtime entry point and body interface for each shape of the protocol. */
    private enum Shape {
        NONE("forRange", "ChunkBody"),
        INT("reduceInt", "IntChunkReducer"),
        LONG("reduceLong", "LongChunkReducer"),
        FLOAT("reduceFloat", "FloatChunkReducer"),
        DOUBLE("reduceDouble", "DoubleChunkReducer"),
        SLOTS("reduceSlots", "SlotChunkReducer");

        private final String entry;
        private final String bodyInterface;

        Shape(String entry, String bodyInterface) {
            this.entry = entry;
            this.bodyInterface = bodyInterface;
        }
    }

    private Shape shape() {
        if (reductions.isEmpty()) {
            return Shape.NONE;
        }
        if (slots()) {
            return Shape.SLOTS;
        }
        return switch (reductions.getFirst().kind()) {
            case INT -> Shape.INT;
            case LONG -> Shape.LONG;
            case FLOAT -> Shape.FLOAT;
            case DOUBLE -> Shape.DOUBLE;
            default ->
                throw new IllegalStateException(
                        "no parallel reduction of " + reductions.getFirst().kind());
        };
    }

    /** @return the {@code ParallelLoops} method */
    String entry() {
        return shape().entry;
    }

    /** @return the descriptor of {@link #entry()} */
    String entryDescriptor() {
        String body = "L" + PACKAGE + bodyInterface() + ";";
        String operator = "L" + OPERATOR + ";";
        return switch (shape()) {
            case NONE -> "(III" + body + ")V";
            case SLOTS -> "(III[" + operator + "[J[" + operator + "[D" + body + ")V";
            default -> {
                String value = reductions.getFirst().kind().asmType().getDescriptor();
                yield "(III" + operator + value + body + ")" + value;
            }
        };
    }

    /** @return the simple name of the chunk body interface */
    String bodyInterface() {
        return shape().bodyInterface;
    }

    /** @return the name of the interface's method */
    String samName() {
        return reductions.isEmpty() ? "run" : "reduce";
    }

    /** @return the descriptor of the interface's method */
    String samDescriptor() {
        List<Type> parameters = new ArrayList<>(List.of(Type.INT_TYPE, Type.INT_TYPE));
        parameters.addAll(trailingParameters());
        return Type.getMethodDescriptor(returnType(), parameters.toArray(Type[]::new));
    }

    private List<Reduction> group(boolean wide) {
        return reductions.stream().filter(r -> isLongSlot(r.kind()) == wide).toList();
    }

    private int slotIndex(Reduction reduction) {
        return group(isLongSlot(reduction.kind())).indexOf(reduction);
    }

    private static boolean isLongSlot(Kind kind) {
        return kind == Kind.INT || kind == Kind.LONG;
    }

    private static void loadWidened(InsnList code, Reduction reduction, int slot) {
        code.add(new VarInsnNode(reduction.kind().asmType().getOpcode(Opcodes.ILOAD), slot));
        if (reduction.kind() == Kind.INT) {
            code.add(new InsnNode(Opcodes.I2L));
        } else if (reduction.kind() == Kind.FLOAT) {
            code.add(new InsnNode(Opcodes.F2D));
        }
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
}
