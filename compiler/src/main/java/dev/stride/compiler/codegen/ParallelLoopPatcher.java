package dev.stride.compiler.codegen;

import dev.stride.compiler.analysis.ParallelLoopPlan;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Variable;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
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
 *                                                  // (forRange, or reduceSlots: see ChunkAccumulators)
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
    private static final String LOOPS = ChunkAccumulators.PACKAGE + "ParallelLoops";
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
        ChunkAccumulators accumulators = new ChunkAccumulators(plan.reductions());
        int temps = method.maxLocals;
        method.maxLocals += 2;
        code.add(new VarInsnNode(Opcodes.ILOAD, iv));
        code.add(new VarInsnNode(Opcodes.ILOAD, hi));
        code.add(new LdcInsnNode(plan.threshold()));
        accumulators.pushReductionArguments(code, temps);
        StringBuilder captured = new StringBuilder("(");
        for (int k = 0; k < chunk.capturedSlots().size(); k++) {
            Type type = Type.getType(chunk.capturedDescriptors().get(k));
            code.add(new VarInsnNode(
                    type.getOpcode(Opcodes.ILOAD), chunk.capturedSlots().get(k)));
            captured.append(type.getDescriptor());
        }
        captured.append(")L")
                .append(ChunkAccumulators.PACKAGE)
                .append(accumulators.bodyInterface())
                .append(';');
        Type samType = Type.getMethodType(accumulators.samDescriptor());
        Handle implementation =
                new Handle(Opcodes.H_INVOKESTATIC, function.owner(), chunk.method().name, chunk.method().desc, false);
        code.add(new InvokeDynamicInsnNode(
                accumulators.samName(), captured.toString(), METAFACTORY, samType, implementation, samType));
        code.add(new MethodInsnNode(
                Opcodes.INVOKESTATIC, LOOPS, accumulators.entry(), accumulators.entryDescriptor(), false));
        accumulators.storeResults(code, temps);
        code.add(new VarInsnNode(Opcodes.ILOAD, hi));
        code.add(new VarInsnNode(Opcodes.ISTORE, iv));
        PreheaderPatcher.insertOnEntry(method, site, code);
    }
}
