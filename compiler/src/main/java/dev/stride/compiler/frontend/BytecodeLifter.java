package dev.stride.compiler.frontend;

import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Variable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Lifts a method's bytecode into the block-and-expression-tree IR.
 *
 * <p>The algorithm: (1) partition the instructions into basic blocks; (2) walk the blocks from the entry in a
 * worklist, simulating the operand stack with expression trees, so that each statement-level instruction
 * (store, array store, call, branch) becomes one statement whose operands are trees; (3) where a value stays on
 * the stack across a block boundary (javac's ternaries), spill it into a stack temporary at the end of the
 * predecessor and read it at the start of the successor; (4) where a pending tree would observe a later store
 * (as in {@code a[i++]}), spill it into a lifter temporary first, so trees always mean what the bytecode meant.
 */
public final class BytecodeLifter {

    private BytecodeLifter() {}

    /**
     * Lifts one method.
     *
     * @param owner the internal name of the declaring class
     * @param method the method, read with expanded frames
     * @return the lifted function
     */
    public static Function lift(String owner, MethodNode method) {
        InsnList insns = method.instructions;
        List<int[]> ranges = BlockPartition.ranges(method);
        List<Block> blocks = new ArrayList<>();
        Map<Integer, Integer> blockOfInsn = new HashMap<>();
        for (int[] range : ranges) {
            blockOfInsn.put(range[0], blocks.size());
            blocks.add(new Block(blocks.size(), range[0], range[1]));
        }
        Map<Variable, Kind> kinds = new HashMap<>();
        LiftContext context = new LiftContext(insns, blocks, blockOfInsn, kinds);
        Map<Integer, List<Kind>> entryStacks = new HashMap<>();
        List<Integer> handlers = handlerBlocks(method, blockOfInsn);
        for (int handler : handlers) {
            entryStacks.put(handler, List.of(Kind.REF));
        }
        entryStacks.put(0, List.of());
        ArrayDeque<Integer> worklist = new ArrayDeque<>();
        worklist.add(0);
        worklist.addAll(handlers);
        Set<Integer> done = new HashSet<>();
        while (!worklist.isEmpty() || done.size() < blocks.size()) {
            int id = worklist.isEmpty() ? firstNotDone(blocks, done) : worklist.poll();
            if (!done.add(id)) {
                continue;
            }
            List<Kind> entry = entryStacks.getOrDefault(id, List.of());
            List<Kind> exit = new BlockLifter(context, blocks.get(id), entry).lift();
            for (int successor : blocks.get(id).successors()) {
                entryStacks.putIfAbsent(successor, exit);
                worklist.add(successor);
            }
        }
        return new Function(
                owner,
                method,
                List.copyOf(blocks),
                handlers,
                protectedBlocks(method, blocks),
                localNames(method, false),
                localNames(method, true),
                Map.copyOf(kinds));
    }

    private static int firstNotDone(List<Block> blocks, Set<Integer> done) {
        for (Block block : blocks) {
            if (!done.contains(block.id())) {
                return block.id();
            }
        }
        throw new IllegalStateException("all blocks lifted");
    }

    private static List<Integer> handlerBlocks(MethodNode method, Map<Integer, Integer> blockOfInsn) {
        List<Integer> handlers = new ArrayList<>();
        for (TryCatchBlockNode tryCatch : method.tryCatchBlocks) {
            handlers.add(blockOfInsn.get(method.instructions.indexOf(tryCatch.handler)));
        }
        return handlers;
    }

    private static List<Integer> protectedBlocks(MethodNode method, List<Block> blocks) {
        List<Integer> result = new ArrayList<>();
        for (TryCatchBlockNode tryCatch : method.tryCatchBlocks) {
            int start = method.instructions.indexOf(tryCatch.start);
            int end = method.instructions.indexOf(tryCatch.end);
            for (Block block : blocks) {
                if (block.firstInsn() >= start && block.firstInsn() < end && !result.contains(block.id())) {
                    result.add(block.id());
                }
            }
        }
        return result;
    }

    private static Map<Integer, String> localNames(MethodNode method, boolean descriptors) {
        Map<Integer, String> names = new HashMap<>();
        if (method.localVariables != null) {
            for (LocalVariableNode local : method.localVariables) {
                names.putIfAbsent(local.index, descriptors ? local.desc : local.name);
            }
        }
        return names;
    }

    /** What every block lifter shares. */
    record LiftContext(
            InsnList insns, List<Block> blocks, Map<Integer, Integer> blockOfInsn, Map<Variable, Kind> kinds) {

        int blockAt(LabelNode label) {
            return blockOfInsn.get(insns.indexOf(label));
        }

        int nextTemp() {
            return (int) kinds.keySet().stream()
                    .filter(v -> v.id() >= Variable.TEMP_BASE)
                    .count();
        }

        AbstractInsnNode insn(int index) {
            return insns.get(index);
        }
    }
}
