package dev.stride.compiler.frontend;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Splits a method's instruction list into basic-block ranges: a block starts at the first instruction, at every
 * jump or switch target, at exception handler and try-range boundaries, and after every instruction that ends
 * control flow (jumps, switches, returns, throws).
 */
final class BlockPartition {

    private BlockPartition() {}

    /**
     * The inclusive instruction index ranges of the blocks, in instruction order.
     *
     * @param method the method
     * @return pairs {first, last} per block
     */
    static List<int[]> ranges(MethodNode method) {
        InsnList insns = method.instructions;
        TreeSet<Integer> leaders = new TreeSet<>();
        leaders.add(0);
        for (TryCatchBlockNode tryCatch : method.tryCatchBlocks) {
            leaders.add(insns.indexOf(tryCatch.start));
            leaders.add(insns.indexOf(tryCatch.end));
            leaders.add(insns.indexOf(tryCatch.handler));
        }
        for (int i = 0; i < insns.size(); i++) {
            addLeaders(insns, insns.get(i), i, leaders);
        }
        List<int[]> ranges = new ArrayList<>();
        List<Integer> starts = new ArrayList<>(leaders.headSet(insns.size()));
        for (int k = 0; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) - 1 : insns.size() - 1;
            ranges.add(new int[] {starts.get(k), end});
        }
        return ranges;
    }

    private static void addLeaders(InsnList insns, AbstractInsnNode insn, int index, TreeSet<Integer> leaders) {
        switch (insn) {
            case JumpInsnNode jump -> {
                leaders.add(insns.indexOf(jump.label));
                leaders.add(index + 1);
            }
            case TableSwitchInsnNode table -> {
                leaders.add(insns.indexOf(table.dflt));
                table.labels.forEach(label -> leaders.add(insns.indexOf(label)));
                leaders.add(index + 1);
            }
            case LookupSwitchInsnNode lookup -> {
                leaders.add(insns.indexOf(lookup.dflt));
                lookup.labels.forEach(label -> leaders.add(insns.indexOf(label)));
                leaders.add(index + 1);
            }
            default -> {
                if (endsFlow(insn.getOpcode())) {
                    leaders.add(index + 1);
                }
            }
        }
    }

    static boolean endsFlow(int opcode) {
        return (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN)
                || opcode == Opcodes.ATHROW
                || opcode == Opcodes.RET;
    }
}
