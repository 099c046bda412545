package dev.stride.compiler.frontend;

import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
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
        List<Integer> handlers = handlerBlocks(method, blockOfInsn);
        Map<Integer, List<Expr>> exits = new HashMap<>();
        Map<Integer, List<Integer>> predecessors = new HashMap<>();
        for (int id : FlowOrder.of(method, blocks, blockOfInsn, handlers)) {
            List<Expr> entry = handlers.contains(id)
                    ? List.of(new Expr.Opaque("caught exception", Kind.REF, 0))
                    : entryStack(id, predecessors.getOrDefault(id, List.of()), exits);
            exits.put(id, new BlockLifter(context, blocks.get(id), entry).lift());
            for (int successor : blocks.get(id).successors()) {
                predecessors.computeIfAbsent(successor, k -> new ArrayList<>()).add(id);
            }
        }
        removeDeadStackStores(blocks);
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

    /**
     * The entry stack of a block: at each depth, the value all lifted predecessors left there when it is the same
     * plain read or constant (so trees see through javac's ternaries), else a read of the stack temporary.
     */
    private static List<Expr> entryStack(int block, List<Integer> predecessors, Map<Integer, List<Expr>> exits) {
        if (predecessors.isEmpty()) {
            return List.of();
        }
        List<Expr> first = exits.get(predecessors.getFirst());
        List<Expr> entry = new ArrayList<>();
        for (int depth = 0; depth < first.size(); depth++) {
            Expr candidate = first.get(depth);
            boolean same = isPropagatable(candidate);
            for (int p : predecessors) {
                List<Expr> other = exits.get(p);
                same &= other.size() > depth && other.get(depth).equals(candidate);
            }
            entry.add(
                    same ? candidate : new Expr.Read(Variable.stack(block, depth), candidate.kind(), candidate.line()));
        }
        return entry;
    }

    /**
     * Whether a value may be read in a successor instead of through a stack temporary: it has no side effects and
     * reads no stack temporary. Safe because each block's lifter spills a pending value before any write that could
     * change it, so a value that reaches a join unchanged from every predecessor still means the same there.
     */
    private static boolean isPropagatable(Expr candidate) {
        boolean[] pure = {true};
        ExprWalk.forEach(
                candidate,
                e -> pure[0] &= switch (e) {
                    case Expr.Call call -> false;
                    case Expr.Opaque opaque -> false;
                    case Expr.FieldLoad field -> false;
                    case Expr.Read read -> !read.variable().isStack();
                    default -> true;
                });
        return pure[0];
    }

    /** Removes stores to stack temporaries that no block reads (their successors read the value directly). */
    private static void removeDeadStackStores(List<Block> blocks) {
        Set<Variable> read = new HashSet<>();
        for (Block block : blocks) {
            for (Stmt stmt : block.statements()) {
                for (Expr operand : StmtOperandsView.of(stmt)) {
                    ExprWalk.forEach(operand, e -> {
                        if (e instanceof Expr.Read r && r.variable().isStack()) {
                            read.add(r.variable());
                        }
                    });
                }
            }
        }
        for (Block block : blocks) {
            block.statements()
                    .removeIf(stmt -> stmt instanceof Stmt.Store store
                            && store.variable().isStack()
                            && !read.contains(store.variable()));
        }
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

    private static Map<Variable, String> localNames(MethodNode method, boolean descriptors) {
        Map<Variable, String> names = new HashMap<>();
        if (method.localVariables != null) {
            for (LocalVariableNode local : method.localVariables) {
                Variable variable =
                        Variable.local(local.index, Kind.ofType(org.objectweb.asm.Type.getType(local.desc)));
                names.putIfAbsent(variable, descriptors ? local.desc : local.name);
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

        /** The line of the nearest line-number entry at or before an instruction (0 if none). */
        int lineBefore(int index) {
            for (int k = index; k >= 0; k--) {
                if (insns.get(k) instanceof org.objectweb.asm.tree.LineNumberNode lineNumber) {
                    return lineNumber.line;
                }
            }
            return 0;
        }
    }
}
