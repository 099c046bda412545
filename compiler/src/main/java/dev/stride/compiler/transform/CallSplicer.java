package dev.stride.compiler.transform;

import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Condition;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;

/**
 * Splices a callee with branches into the caller's control flow graph, so the existing if-conversion turns its
 * conditionals and early returns into masks and blends. Splitting block {@code B} at the statement {@code s}
 * that makes the call {@code c}:
 *
 * <pre>
 *   B:  s1 .. s(k-1)                      B:      s1 .. s(k-1); p1 = arg1; .. pn = argn; goto C0
 *       s = ... c(arg1..argn) ...   ==>  C0..Cm: the callee's blocks, its variables renamed to fresh temporaries,
 *       s(k+1) ..                                 each "return e" now "r = e; goto B'"
 *                                        B':     s with c replaced by r; s(k+1) ..; B's old terminator
 * </pre>
 *
 * <p>Why this keeps the meaning: IR expressions have no effects besides exceptions, and the callee (checked by
 * {@link CalleeBody}) touches no memory, so evaluating the arguments first, then the body, then the rest of
 * {@code s} computes the same values. Only the order of exceptions between the rest of {@code s} and the callee
 * could differ, and a callee can only throw {@link ArithmeticException} from an integer division, which the
 * vectoriser refuses; the vectorised loop itself raises nothing (its bounds are checked before it), and every
 * path that may throw runs the original bytecode, which still makes the call. The new blocks borrow {@code B}'s
 * instruction range (only the loop header's range is used to patch code, and the header is never split: a call
 * in it makes the loop uncounted, so it stays scalar) and the call's line, so reports point at the caller.
 */
final class CallSplicer {
    private final List<Block> blocks;
    private final Map<Variable, Kind> kinds;
    private int nextTemp;

    /**
     * A splicer over a caller's blocks.
     *
     * @param blocks the caller's blocks, a mutable copy that grows
     * @param kinds the caller's variable kinds, a mutable copy that grows
     * @param firstTemp a temporary number not used by the caller
     */
    CallSplicer(List<Block> blocks, Map<Variable, Kind> kinds, int firstTemp) {
        this.blocks = blocks;
        this.kinds = kinds;
        this.nextTemp = firstTemp;
    }

    /** @return the number of blocks so far: the id the next new block gets */
    int blocksSize() {
        return blocks.size();
    }

    /**
     * A block by id.
     *
     * @param id a block id
     * @return the block
     */
    Block block(int id) {
        return blocks.get(id);
    }

    /**
     * Splices one call.
     *
     * @param block the caller block holding the call
     * @param index the index of the statement making the call
     * @param call the call node (identity: the first such node of the statement is replaced)
     * @param callee the lifted callee, accepted by {@link CalleeBody}
     * @return the ids of the blocks added for the callee (the continuation block excluded)
     */
    List<Integer> splice(Block block, int index, Expr.Call call, Function callee) {
        int line = call.line();
        List<Stmt> statements = block.statements();
        List<Stmt> rest = new ArrayList<>(statements.subList(index, statements.size()));
        List<Integer> oldSuccessors = new ArrayList<>(block.successors());
        Variable result = fresh(call.kind());
        Block continuation = newBlock(block, line);
        int base = blocks.size();
        Map<Variable, Variable> renamed = new HashMap<>();
        statements.subList(index, statements.size()).clear();
        Type[] types = Type.getArgumentTypes(call.descriptor());
        int slot = 0;
        for (int k = 0; k < types.length; k++) {
            Variable parameter = Variable.local(slot, Kind.ofType(types[k]));
            Variable temp = fresh(parameter.kind());
            renamed.put(parameter, temp);
            statements.add(new Stmt.Store(temp, call.arguments().get(k), line));
            slot += types[k].getSize();
        }
        statements.add(new Stmt.Jump(base, line));
        block.successors().clear();
        block.successors().add(base);
        List<Integer> added = new ArrayList<>();
        for (Block calleeBlock : callee.blocks()) {
            added.add(copy(calleeBlock, callee, renamed, base, result, continuation.id(), block, line)
                    .id());
        }
        rest.set(0, StmtRewriter.map(rest.getFirst(), e -> replace(e, call, new Expr.Read(result, call.kind(), line))));
        continuation.statements().addAll(rest);
        continuation.successors().addAll(oldSuccessors);
        explicitJump(continuation, line);
        return added;
    }

    private Block copy(
            Block source,
            Function callee,
            Map<Variable, Variable> renamed,
            int base,
            Variable result,
            int continuation,
            Block site,
            int line) {
        Block copy = newBlock(site, line);
        int size = callee.blocks().size();
        for (Stmt stmt : source.statements()) {
            switch (stmt) {
                case Stmt.Store store ->
                    copy.statements()
                            .add(new Stmt.Store(
                                    rename(store.variable(), callee, renamed),
                                    rewrite(store.value(), callee, renamed, line),
                                    line));
                case Stmt.Branch branch ->
                    copy.statements()
                            .add(new Stmt.Branch(
                                    new Condition(
                                            branch.condition().op(),
                                            rewrite(branch.condition().left(), callee, renamed, line),
                                            rewrite(branch.condition().right(), callee, renamed, line)),
                                    base + branch.whenTrue(),
                                    base + branch.whenFalse(),
                                    line));
                case Stmt.Jump jump -> copy.statements().add(new Stmt.Jump(base + jump.target(), line));
                case Stmt.Return ret -> {
                    copy.statements().add(new Stmt.Store(result, rewrite(ret.value(), callee, renamed, line), line));
                    copy.statements().add(new Stmt.Jump(continuation, line));
                }
                default -> throw new IllegalStateException("CalleeBody accepted " + stmt);
            }
        }
        if (source.terminator() instanceof Stmt.Return) {
            copy.successors().add(continuation);
        } else {
            for (int successor : source.successors()) {
                if (successor < size) {
                    copy.successors().add(base + successor);
                }
            }
        }
        explicitJump(copy, line);
        return copy;
    }

    /** A block that fell through to the next id no longer sits before it: it jumps there instead. */
    private static void explicitJump(Block block, int line) {
        if (block.terminator() == null && block.successors().size() == 1) {
            block.statements().add(new Stmt.Jump(block.successors().getFirst(), line));
        }
    }

    private Block newBlock(Block site, int line) {
        Block block = new Block(blocks.size(), site.firstInsn(), site.lastInsn());
        block.setLine(line);
        blocks.add(block);
        return block;
    }

    private Variable fresh(Kind kind) {
        Variable temp = Variable.temp(nextTemp++);
        kinds.put(temp, kind);
        return temp;
    }

    private Variable rename(Variable variable, Function callee, Map<Variable, Variable> renamed) {
        return renamed.computeIfAbsent(variable, v -> {
            Kind kind = callee.variableKinds().get(v);
            return fresh(kind != null ? kind : v.kind());
        });
    }

    /** The callee's expression with its variables renamed and every node on the call's line. */
    private Expr rewrite(Expr e, Function callee, Map<Variable, Variable> renamed, int line) {
        Expr children = StmtRewriter.mapChildren(e, child -> rewrite(child, callee, renamed, line));
        return switch (children) {
            case Expr.Read read -> new Expr.Read(rename(read.variable(), callee, renamed), read.kind(), line);
            default -> Relining.at(children, line);
        };
    }

    /** Replaces the node {@code target} (by identity) with {@code replacement}. */
    private static Expr replace(Expr e, Expr target, Expr replacement) {
        if (e == target) {
            return replacement;
        }
        return StmtRewriter.mapChildren(e, child -> replace(child, target, replacement));
    }
}
