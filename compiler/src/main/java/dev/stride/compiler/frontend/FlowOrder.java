package dev.stride.compiler.frontend;

import dev.stride.compiler.ir.Block;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * The order in which blocks are lifted: reverse post-order from the entry (then from each exception handler,
 * then any unreachable block), so every block is lifted after its forward predecessors and knows what they left
 * on the operand stack. Successors are read from the raw instructions, before any block is lifted.
 */
final class FlowOrder {

    private FlowOrder() {}

    static List<Integer> of(
            MethodNode method, List<Block> blocks, Map<Integer, Integer> blockOfInsn, List<Integer> handlers) {
        List<List<Integer>> successors = new ArrayList<>();
        for (Block block : blocks) {
            successors.add(successors(method.instructions, block, blocks.size(), blockOfInsn));
        }
        List<Integer> order = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        List<Integer> roots = new ArrayList<>();
        roots.add(0);
        roots.addAll(handlers);
        for (int k = 0; k < blocks.size(); k++) {
            roots.add(k);
        }
        for (int root : roots) {
            if (!seen.contains(root)) {
                List<Integer> postOrder = new ArrayList<>();
                depthFirst(root, successors, seen, postOrder);
                Collections.reverse(postOrder);
                order.addAll(postOrder);
            }
        }
        return order;
    }

    private static void depthFirst(int start, List<List<Integer>> successors, Set<Integer> seen, List<Integer> out) {
        ArrayDeque<int[]> stack = new ArrayDeque<>();
        seen.add(start);
        stack.push(new int[] {start, 0});
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            List<Integer> next = successors.get(top[0]);
            if (top[1] < next.size()) {
                int successor = next.get(top[1]++);
                if (seen.add(successor)) {
                    stack.push(new int[] {successor, 0});
                }
            } else {
                out.add(top[0]);
                stack.pop();
            }
        }
    }

    private static List<Integer> successors(
            InsnList insns, Block block, int blockCount, Map<Integer, Integer> blockOfInsn) {
        AbstractInsnNode last = insns.get(block.lastInsn());
        while (last != null && last.getOpcode() < 0 && insns.indexOf(last) > block.firstInsn()) {
            last = last.getPrevious();
        }
        List<Integer> result = new ArrayList<>();
        int opcode = last == null ? -1 : last.getOpcode();
        switch (last) {
            case JumpInsnNode jump -> {
                result.add(blockAt(insns, jump.label, blockOfInsn));
                if (opcode != org.objectweb.asm.Opcodes.GOTO) {
                    result.add(block.id() + 1);
                }
            }
            case TableSwitchInsnNode table -> {
                result.add(blockAt(insns, table.dflt, blockOfInsn));
                table.labels.forEach(l -> result.add(blockAt(insns, l, blockOfInsn)));
            }
            case LookupSwitchInsnNode lookup -> {
                result.add(blockAt(insns, lookup.dflt, blockOfInsn));
                lookup.labels.forEach(l -> result.add(blockAt(insns, l, blockOfInsn)));
            }
            case null, default -> {
                if (!BlockPartition.endsFlow(opcode) && block.id() + 1 < blockCount) {
                    result.add(block.id() + 1);
                }
            }
        }
        return result;
    }

    private static int blockAt(InsnList insns, LabelNode label, Map<Integer, Integer> blockOfInsn) {
        return blockOfInsn.get(insns.indexOf(label));
    }
}
