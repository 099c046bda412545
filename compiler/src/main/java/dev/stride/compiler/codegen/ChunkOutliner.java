package dev.stride.compiler.codegen;

import dev.stride.compiler.analysis.Loop;
import dev.stride.compiler.analysis.ParallelLoopPlan;
import dev.stride.compiler.analysis.PrangeMarker;
import dev.stride.compiler.analysis.Reduction;
import dev.stride.compiler.analysis.Rejection;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.report.RejectionReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Outlines a {@code prange} loop into a chunk method of the kernel class, by copying the loop's own bytecode:
 *
 * <pre>
 *   private static synthetic R f$prange$L1(captured..., int lo, int hi[, R acc | long[] ls, double[] ds]) {
 *       (every local of the header frame: captured ones from the parameters, i = lo, each accumulator from its
 *        parameter or slot (ChunkAccumulators), the others 0 or null)
 *       goto header;
 *     header: ... the original loop, instruction for instruction, with every local slot moved up by the size
 *               of the parameters, and prange(n) in the header replaced by hi ...
 *     exit:
 *       return acc;   (or store every accumulator into its slot)
 *   }
 * </pre>
 *
 * <p>Copying the bytecode rather than re-emitting it from the IR keeps the body exactly what javac wrote
 * (calls to private helpers, line numbers for stack traces, nested loops) and makes the chunk the original loop
 * over {@code [lo, hi)}. Stack map frames are the original ones with the parameter types prepended; the prologue
 * gives every local of the header frame a value of its frame type, so the header frame holds on entry. Captured
 * locals come first, as {@code LambdaMetafactory} binds leading parameters.
 */
public final class ChunkOutliner {

    /**
     * The outlined method and what the call site needs.
     *
     * @param method the new method (not yet added to the class)
     * @param capturedSlots the original slots passed as captured values, in parameter order
     * @param capturedDescriptors their descriptors
     */
    public record Chunk(MethodNode method, List<Integer> capturedSlots, List<String> capturedDescriptors) {}

    private ChunkOutliner() {}

    /**
     * Checks that a loop can be copied: its instructions are one contiguous range, and the header frame has an
     * empty stack and no local of a type a parameter cannot carry.
     *
     * @param function the lifted method
     * @param loop the loop
     * @param site its header site
     * @throws Rejection when it cannot
     */
    public static void check(Function function, Loop loop, PreheaderPatcher.HeaderSite site) {
        int[] range = range(function, loop);
        if (site.loopInstructions().size() != range[1] - range[0] + 1
                || !site.frame().stack.isEmpty()) {
            throw new Rejection(
                    RejectionReason.PARALLEL_SHAPE, loop.line(), "the loop's bytecode is not one contiguous range");
        }
        for (Object type : site.frame().local) {
            if (type == Opcodes.NULL || type == Opcodes.UNINITIALIZED_THIS || type instanceof LabelNode) {
                throw new Rejection(
                        RejectionReason.PARALLEL_SHAPE,
                        loop.line(),
                        "a local holds null or an uninitialised object at the loop header");
            }
        }
    }

    /**
     * Builds the chunk method.
     *
     * @param function the lifted method (not modified)
     * @param plan the loop's plan
     * @param site its header site
     * @param name the new method's name
     * @return the chunk
     */
    public static Chunk outline(
            Function function, ParallelLoopPlan plan, PreheaderPatcher.HeaderSite site, String name) {
        Loop loop = plan.counted().loop();
        int iv = plan.counted().inductionVariable().slot();
        ChunkAccumulators accumulators = new ChunkAccumulators(plan.reductions());
        Map<Integer, Reduction> reductionBySlot = new HashMap<>();
        plan.reductions().forEach(r -> reductionBySlot.put(r.variable().slot(), r));
        Map<Integer, Object> frameTypes = frameTypes(site.frame());
        int[] range = range(function, loop);
        List<Integer> captured = new ArrayList<>();
        List<String> descriptors = new ArrayList<>();
        for (int slot : loadedSlots(function.method(), range)) {
            if (frameTypes.containsKey(slot) && slot != iv && !reductionBySlot.containsKey(slot)) {
                captured.add(slot);
                descriptors.add(descriptor(frameTypes.get(slot)));
            }
        }
        List<Type> parameters = new ArrayList<>();
        descriptors.forEach(d -> parameters.add(Type.getType(d)));
        int lo = parameterSlot(parameters, parameters.size());
        parameters.add(Type.INT_TYPE);
        parameters.add(Type.INT_TYPE);
        parameters.addAll(accumulators.trailingParameters());
        String descriptor = Type.getMethodDescriptor(accumulators.returnType(), parameters.toArray(Type[]::new));
        MethodNode chunk = new MethodNode(
                Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name, descriptor, null, null);
        int base = parameterSlot(parameters, parameters.size());
        List<Object> parameterFrame = new ArrayList<>();
        parameters.forEach(parameter -> parameterFrame.add(frameType(parameter)));
        Map<LabelNode, LabelNode> labels = labelMap(function.method(), range);
        InsnList code = chunk.instructions;
        LabelNode start = new LabelNode();
        code.add(start);
        for (Map.Entry<Integer, Object> local : frameTypes.entrySet()) {
            int slot = local.getKey();
            Type type = Type.getType(descriptor(local.getValue()));
            int index = captured.indexOf(slot);
            if (index >= 0) {
                code.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), parameterSlot(parameters, index)));
            } else if (slot == iv) {
                code.add(new VarInsnNode(Opcodes.ILOAD, lo));
            } else if (reductionBySlot.containsKey(slot)) {
                accumulators.loadInitial(code, reductionBySlot.get(slot), lo + 2);
            } else {
                code.add(new InsnNode(defaultValue(type)));
            }
            code.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), base + slot));
        }
        code.add(new JumpInsnNode(Opcodes.GOTO, labels.get(site.label())));
        copyLoop(function, loop, range, labels, base, parameterFrame, lo + 1, code);
        code.add(labels.get(null));
        code.add(shifted(site.frame(), parameterFrame));
        accumulators.returnFromChunk(code, base, lo + 2);
        chunk.maxLocals = base + function.method().maxLocals;
        chunk.maxStack = function.method().maxStack + 4;
        chunk.localVariables = localVariables(function.method(), range, labels, start, base);
        return new Chunk(chunk, List.copyOf(captured), List.copyOf(descriptors));
    }

    private static void copyLoop(
            Function function,
            Loop loop,
            int[] range,
            Map<LabelNode, LabelNode> labels,
            int base,
            List<Object> parameterFrame,
            int hiParameter,
            InsnList code) {
        InsnList original = function.method().instructions;
        Block header = function.blocks().get(loop.header());
        for (int k = range[0]; k <= range[1]; k++) {
            AbstractInsnNode insn = original.get(k);
            boolean inHeader = k >= header.firstInsn() && k <= header.lastInsn();
            if (inHeader && insn instanceof MethodInsnNode call && isMarker(call)) {
                code.add(new InsnNode(Opcodes.POP));
                code.add(new VarInsnNode(Opcodes.ILOAD, hiParameter));
                continue;
            }
            AbstractInsnNode copy = insn.clone(labels);
            switch (copy) {
                case VarInsnNode variable -> variable.var += base;
                case IincInsnNode increment -> increment.var += base;
                case FrameNode frame -> copy = shifted(frame, parameterFrame);
                default -> {
                    // other instructions are position-independent
                }
            }
            code.add(copy);
        }
    }

    /** The debug names of the copied locals (for reports and debuggers), with scopes clipped to the chunk. */
    private static List<LocalVariableNode> localVariables(
            MethodNode method, int[] range, Map<LabelNode, LabelNode> labels, LabelNode start, int base) {
        List<LocalVariableNode> locals = new ArrayList<>();
        if (method.localVariables == null) {
            return locals;
        }
        InsnList original = method.instructions;
        for (LocalVariableNode local : method.localVariables) {
            int from = original.indexOf(local.start);
            int to = original.indexOf(local.end);
            if (to < range[0] || from > range[1]) {
                continue;
            }
            LabelNode first = from >= range[0] ? labels.get(local.start) : start;
            locals.add(new LocalVariableNode(
                    local.name, local.desc, local.signature, first, labels.get(local.end), local.index + base));
        }
        return locals;
    }

    private static boolean isMarker(MethodInsnNode call) {
        return call.getOpcode() == Opcodes.INVOKESTATIC
                && call.owner.equals(PrangeMarker.OWNER)
                && call.name.equals(PrangeMarker.NAME)
                && call.desc.equals(PrangeMarker.DESCRIPTOR);
    }

    /** Labels inside the range map to fresh labels, every other label to the exit (stored under null). */
    private static Map<LabelNode, LabelNode> labelMap(MethodNode method, int[] range) {
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        LabelNode exit = new LabelNode();
        labels.put(null, exit);
        for (int k = 0; k < method.instructions.size(); k++) {
            if (method.instructions.get(k) instanceof LabelNode label) {
                labels.put(label, k >= range[0] && k <= range[1] ? new LabelNode() : exit);
            }
        }
        return labels;
    }

    private static int[] range(Function function, Loop loop) {
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int id : loop.blocks()) {
            Block block = function.blocks().get(id);
            first = Math.min(first, block.firstInsn());
            last = Math.max(last, block.lastInsn());
        }
        return new int[] {first, last};
    }

    private static TreeSet<Integer> loadedSlots(MethodNode method, int[] range) {
        TreeSet<Integer> slots = new TreeSet<>();
        for (int k = range[0]; k <= range[1]; k++) {
            AbstractInsnNode insn = method.instructions.get(k);
            if (insn instanceof VarInsnNode variable
                    && variable.getOpcode() >= Opcodes.ILOAD
                    && variable.getOpcode() <= Opcodes.ALOAD) {
                slots.add(variable.var);
            } else if (insn instanceof IincInsnNode increment) {
                slots.add(increment.var);
            }
        }
        return slots;
    }

    /** Slot to frame type of every non-TOP local of an expanded frame. */
    private static Map<Integer, Object> frameTypes(FrameNode frame) {
        Map<Integer, Object> types = new java.util.TreeMap<>();
        int slot = 0;
        for (Object type : frame.local) {
            if (type != Opcodes.TOP) {
                types.put(slot, type);
            }
            slot += type == Opcodes.LONG || type == Opcodes.DOUBLE ? 2 : 1;
        }
        return types;
    }

    private static FrameNode shifted(FrameNode frame, List<Object> parameterFrame) {
        List<Object> locals = new ArrayList<>(parameterFrame);
        locals.addAll(frame.local);
        return new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), frame.stack.size(), frame.stack.toArray());
    }

    private static int parameterSlot(List<Type> parameters, int index) {
        int slot = 0;
        for (int k = 0; k < index; k++) {
            slot += parameters.get(k).getSize();
        }
        return slot;
    }

    private static String descriptor(Object frameType) {
        if (frameType == Opcodes.INTEGER) {
            return "I";
        } else if (frameType == Opcodes.FLOAT) {
            return "F";
        } else if (frameType == Opcodes.LONG) {
            return "J";
        } else if (frameType == Opcodes.DOUBLE) {
            return "D";
        }
        String name = (String) frameType;
        return name.startsWith("[") ? name : "L" + name + ";";
    }

    private static Object frameType(Type type) {
        return switch (type.getSort()) {
            case Type.INT, Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT -> Opcodes.INTEGER;
            case Type.FLOAT -> Opcodes.FLOAT;
            case Type.LONG -> Opcodes.LONG;
            case Type.DOUBLE -> Opcodes.DOUBLE;
            default -> type.getInternalName();
        };
    }

    private static int defaultValue(Type type) {
        return switch (type.getSort()) {
            case Type.FLOAT -> Opcodes.FCONST_0;
            case Type.LONG -> Opcodes.LCONST_0;
            case Type.DOUBLE -> Opcodes.DCONST_0;
            case Type.OBJECT, Type.ARRAY -> Opcodes.ACONST_NULL;
            default -> Opcodes.ICONST_0;
        };
    }
}
