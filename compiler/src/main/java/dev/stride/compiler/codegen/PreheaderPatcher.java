package dev.stride.compiler.codegen;

import dev.stride.compiler.analysis.Reduction;
import dev.stride.compiler.analysis.VectorLoopPlan;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Variable;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Inserts the call of a loop's SIMD code on the loop's entry edge, in front of the original header:
 *
 * <pre>
 *   if (VectorGuard.ENABLED) {                      // a static final: folded away by C2
 *       int end = Holder.f$L1$end(a, n, i, acc);     // checks; returns i when SIMD must not run
 *       if (end != i) { acc = Holder.f$L1(a, n, i, acc, end); i = end; }
 *   }
 *   header: (the original loop, unchanged: it runs the tail, or everything)
 * </pre>
 *
 * <p>Only the entry edge is redirected through the new code; the back edge still jumps to the original header.
 * The stack map frame of the header is copied to the new entry label, which is valid because the new code
 * changes no local's type and leaves the operand stack empty.
 */
public final class PreheaderPatcher {
    private static final String GUARD = "dev/stride/runtime/VectorGuard";

    private PreheaderPatcher() {}

    /**
     * The label and frame of a loop header, taken before any patching so indices stay valid.
     *
     * @param label the header's label
     * @param frame the header's stack map frame
     * @param loopInstructions the instruction nodes of the loop (identity set)
     */
    public record HeaderSite(LabelNode label, FrameNode frame, java.util.Set<AbstractInsnNode> loopInstructions) {}

    /**
     * Finds a loop header's label and frame.
     *
     * @param function the lifted method
     * @param loop the loop
     * @return the site, or null when the header has no label or no frame
     */
    public static HeaderSite siteOf(Function function, dev.stride.compiler.analysis.Loop loop) {
        Block block = function.blocks().get(loop.header());
        InsnList insns = function.method().instructions;
        LabelNode label = null;
        FrameNode frame = null;
        for (int k = block.firstInsn(); k <= block.lastInsn(); k++) {
            AbstractInsnNode insn = insns.get(k);
            if (insn instanceof LabelNode l && label == null) {
                label = l;
            } else if (insn instanceof FrameNode f) {
                frame = f;
            } else if (insn.getOpcode() >= 0) {
                break;
            }
        }
        if (label == null || frame == null || frame.type != Opcodes.F_NEW) {
            return null;
        }
        java.util.Set<AbstractInsnNode> inLoop = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int id : loop.blocks()) {
            Block b = function.blocks().get(id);
            for (int k = b.firstInsn(); k <= b.lastInsn(); k++) {
                inLoop.add(insns.get(k));
            }
        }
        return new HeaderSite(label, frame, inLoop);
    }

    /**
     * Patches one loop.
     *
     * @param function the lifted method (its method node is modified)
     * @param plan the loop's plan
     * @param site the header site taken before patching
     * @param holder the holder class's internal name
     * @param name the loop method's name in the holder
     * @param emitter the emitter that wrote the holder methods (for descriptors)
     */
    public static void patch(
            Function function,
            VectorLoopPlan plan,
            HeaderSite site,
            String holder,
            String name,
            SimdLoopEmitter emitter) {
        patch(function, plan, site, holder, name, emitter.endDescriptor(), emitter.loopDescriptor(), results -> {
            InsnList stores = new InsnList();
            storeResults(stores, plan, results);
            return stores;
        });
    }

    /**
     * Patches one loop whose loop method returns what {@code storeResults} stores (the scan of {@code
     * ScanLoopEmitter} returns its scalar's final value).
     *
     * @param function the lifted method (its method node is modified)
     * @param plan the loop's plan (parameters and induction variable)
     * @param site the header site taken before patching
     * @param holder the holder class's internal name
     * @param name the loop method's name in the holder
     * @param endDescriptor the descriptor of the {@code $end} method
     * @param loopDescriptor the descriptor of the loop method
     * @param storeResults given a free local slot, the code that stores the loop method's result into the locals
     */
    public static void patch(
            Function function,
            VectorLoopPlan plan,
            HeaderSite site,
            String holder,
            String name,
            String endDescriptor,
            String loopDescriptor,
            java.util.function.IntFunction<InsnList> storeResults) {
        MethodNode method = function.method();
        InsnList code = new InsnList();
        int end = method.maxLocals;
        int results = end + 1;
        method.maxLocals += 2;
        code.add(new FieldInsnNode(Opcodes.GETSTATIC, GUARD, "ENABLED", "Z"));
        code.add(new JumpInsnNode(Opcodes.IFEQ, site.label()));
        loadParameters(code, plan);
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, holder, name + "$end", endDescriptor, false));
        code.add(new VarInsnNode(Opcodes.ISTORE, end));
        code.add(new VarInsnNode(Opcodes.ILOAD, end));
        code.add(new VarInsnNode(
                Opcodes.ILOAD, plan.counted().inductionVariable().slot()));
        code.add(new JumpInsnNode(Opcodes.IF_ICMPEQ, site.label()));
        loadParameters(code, plan);
        code.add(new VarInsnNode(Opcodes.ILOAD, end));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, holder, name, loopDescriptor, false));
        code.add(storeResults.apply(results));
        code.add(new VarInsnNode(Opcodes.ILOAD, end));
        code.add(new VarInsnNode(
                Opcodes.ISTORE, plan.counted().inductionVariable().slot()));
        insertOnEntry(method, site, code);
    }

    /**
     * Inserts code on a loop's entry edge: jumps from outside the loop to the header now go to the code, which
     * falls through to the header. The code must leave the operand stack empty, change no local's type, and may
     * jump to the header label.
     *
     * @param method the method
     * @param site the loop's header site, taken before any patching
     * @param body the code to insert
     */
    public static void insertOnEntry(MethodNode method, HeaderSite site, InsnList body) {
        LabelNode entry = new LabelNode();
        redirectEntryJumps(method, site, entry);
        InsnList code = new InsnList();
        AbstractInsnNode previous = previousInstruction(site.label());
        boolean needsFrame = isTargeted(method, entry);
        if (previous != null
                && fallsThrough(previous)
                && site.loopInstructions().contains(previous)) {
            code.add(new JumpInsnNode(Opcodes.GOTO, site.label()));
            needsFrame = true;
        }
        code.add(entry);
        if (needsFrame) {
            code.add(copy(site.frame()));
        }
        code.add(body);
        method.instructions.insertBefore(site.label(), code);
    }

    private static void loadParameters(InsnList code, VectorLoopPlan plan) {
        for (Variable parameter : plan.parameters()) {
            Type type = Type.getType(plan.descriptors().get(parameter));
            code.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), parameter.slot()));
        }
    }

    private static void storeResults(InsnList code, VectorLoopPlan plan, int results) {
        if (plan.reductions().size() == 1) {
            Reduction reduction = plan.reductions().getFirst();
            code.add(new VarInsnNode(
                    reduction.kind().asmType().getOpcode(Opcodes.ISTORE),
                    reduction.variable().slot()));
            return;
        }
        if (plan.reductions().isEmpty()) {
            return;
        }
        code.add(new VarInsnNode(Opcodes.ASTORE, results));
        for (int k = 0; k < plan.reductions().size(); k++) {
            Reduction reduction = plan.reductions().get(k);
            code.add(new VarInsnNode(Opcodes.ALOAD, results));
            code.add(new IntInsnNode(Opcodes.SIPUSH, k));
            code.add(new InsnNode(Opcodes.LALOAD));
            fromRawLong(code, reduction.kind());
            code.add(new VarInsnNode(
                    reduction.kind().asmType().getOpcode(Opcodes.ISTORE),
                    reduction.variable().slot()));
        }
    }

    private static void fromRawLong(InsnList code, Kind kind) {
        switch (kind) {
            case DOUBLE ->
                code.add(new MethodInsnNode(
                        Opcodes.INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false));
            case FLOAT -> {
                code.add(new InsnNode(Opcodes.L2I));
                code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false));
            }
            case INT -> code.add(new InsnNode(Opcodes.L2I));
            default -> {
                // long: the raw bits are the value
            }
        }
    }

    /**
     * A copy of an expanded frame.
     *
     * @param frame an {@code F_NEW} frame
     * @return an equal, unshared frame node
     */
    static FrameNode copy(FrameNode frame) {
        return new FrameNode(
                Opcodes.F_NEW, frame.local.size(), frame.local.toArray(), frame.stack.size(), frame.stack.toArray());
    }

    private static AbstractInsnNode previousInstruction(LabelNode label) {
        AbstractInsnNode insn = label.getPrevious();
        while (insn != null && insn.getOpcode() < 0) {
            insn = insn.getPrevious();
        }
        return insn;
    }

    private static boolean fallsThrough(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        return opcode != Opcodes.GOTO
                && opcode != Opcodes.ATHROW
                && !(opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN)
                && !(insn instanceof TableSwitchInsnNode)
                && !(insn instanceof LookupSwitchInsnNode);
    }

    /** Points every jump from outside the loop that targets the header at the new entry instead. */
    private static void redirectEntryJumps(MethodNode method, HeaderSite site, LabelNode entry) {
        LabelNode header = site.label();
        // the membership test is the expensive part: ask it only of instructions that jump
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof JumpInsnNode jump
                    && jump.label == header
                    && !site.loopInstructions().contains(insn)) {
                jump.label = entry;
            } else if (insn instanceof TableSwitchInsnNode table
                    && !site.loopInstructions().contains(insn)) {
                table.labels.replaceAll(label -> label == header ? entry : label);
                table.dflt = table.dflt == header ? entry : table.dflt;
            } else if (insn instanceof LookupSwitchInsnNode lookup
                    && !site.loopInstructions().contains(insn)) {
                lookup.labels.replaceAll(label -> label == header ? entry : label);
                lookup.dflt = lookup.dflt == header ? entry : lookup.dflt;
            }
        }
    }

    private static boolean isTargeted(MethodNode method, LabelNode label) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof JumpInsnNode jump && jump.label == label) {
                return true;
            }
            if (insn instanceof TableSwitchInsnNode table && (table.dflt == label || table.labels.contains(label))) {
                return true;
            }
            if (insn instanceof LookupSwitchInsnNode lookup
                    && (lookup.dflt == label || lookup.labels.contains(label))) {
                return true;
            }
        }
        return false;
    }
}
