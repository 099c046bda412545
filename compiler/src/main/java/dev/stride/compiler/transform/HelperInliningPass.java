package dev.stride.compiler.transform;

import dev.stride.compiler.ClassLibrary;
import dev.stride.compiler.analysis.ExprSubstitution;
import dev.stride.compiler.analysis.StmtOperands;
import dev.stride.compiler.frontend.BytecodeLifter;
import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

/**
 * Inlines calls to small static functions into the IR, so a call does not block vectorisation: static helpers of
 * the same class, and {@code @Vectorize}/{@code @Jit} functions of other classes (found through the
 * {@link ClassLibrary}; the generated array forms of a ufunc call the function in its own class).
 *
 * <p>Two ways, tried in order for each call:
 *
 * <ol>
 *   <li><b>as an expression</b>: a callee whose body is straight-line code that assigns locals and returns an
 *       expression is substituted into the caller's expression: {@code acc += sq(x[i] - m)} with {@code sq(d) =
 *       d * d} is analysed as {@code acc += (x[i] - m) * (x[i] - m)}. Arguments replace parameter reads; they are
 *       side-effect free, so evaluating them where the parameter is read keeps the meaning;
 *   <li><b>as blocks</b>: a callee with conditionals, ternaries or early returns is spliced into the caller's
 *       control flow graph by {@link CallSplicer} (the rules in {@link CalleeBody}); if-conversion later turns
 *       its branches into masks and blends, exactly as if the user had written the conditional in the loop.
 * </ol>
 *
 * <p>Nested calls are inlined up to {@link #MAX_DEPTH} levels. A call that stays a call keeps the reason it was
 * not inlined ({@link Outcome#notInlined()}), which the loop's rejection quotes. Only the IR changes: the
 * original method, which is the scalar fallback, still makes the call.
 */
public final class HelperInliningPass {
    /** Functions calling functions are inlined up to this depth. */
    public static final int MAX_DEPTH = 3;

    /** At most this many calls are spliced as blocks into one method, which bounds the IR's growth. */
    static final int MAX_SPLICES = 64;

    private final ClassNode owner;
    private final CalleeResolver resolver;
    private final Map<String, Optional<Expr>> expressions = new HashMap<>();
    private final Map<String, Function> lifted = new HashMap<>();
    private final Map<String, String> notInlined = new LinkedHashMap<>();
    private int inlined;

    /**
     * The result of the pass.
     *
     * @param function the function with calls inlined (a new function when blocks were spliced in)
     * @param inlined the number of calls inlined
     * @param notInlined for each callee still called ({@code owner.name(descriptor)}, internal owner name), why it
     *     was not inlined; only callees that were candidates are listed
     */
    public record Outcome(Function function, int inlined, Map<String, String> notInlined) {}

    /**
     * A pass over the methods of one class.
     *
     * @param owner the class whose static helpers may be inlined
     * @param library where the class files of other classes' functions are found
     */
    public HelperInliningPass(ClassNode owner, ClassLibrary library) {
        this.owner = owner;
        this.resolver = new CalleeResolver(owner, library);
    }

    /**
     * Inlines the calls of a function.
     *
     * @param function the lifted method (its blocks may be rewritten in place)
     * @return the function with calls inlined, and what was not
     */
    public Outcome run(Function function) {
        for (Block block : function.blocks()) {
            inlineExpressions(block, 0);
        }
        Function result = spliceAll(function);
        return new Outcome(result, inlined, Map.copyOf(notInlined));
    }

    /**
     * The key under which {@link Outcome#notInlined()} lists a call.
     *
     * @param call a call
     * @return {@code owner.name(descriptor)}
     */
    public static String key(Expr.Call call) {
        return call.owner() + "." + call.name() + call.descriptor();
    }

    private void inlineExpressions(Block block, int depth) {
        List<Stmt> statements = block.statements();
        for (int k = 0; k < statements.size(); k++) {
            statements.set(k, StmtRewriter.map(statements.get(k), e -> inline(e, depth)));
        }
    }

    private Expr inline(Expr e, int depth) {
        Expr rebuilt = StmtRewriter.mapChildren(e, child -> inline(child, depth));
        if (rebuilt instanceof Expr.Call call && depth < MAX_DEPTH) {
            Optional<Expr> body = expression(call);
            if (body.isPresent()) {
                inlined++;
                notInlined.remove(key(call));
                Map<Variable, Expr> arguments = new HashMap<>();
                Type[] types = Type.getArgumentTypes(call.descriptor());
                int slot = 0;
                for (int k = 0; k < types.length; k++) {
                    arguments.put(
                            Variable.local(slot, Kind.ofType(types[k])),
                            call.arguments().get(k));
                    slot += types[k].getSize();
                }
                Expr substituted = ExprSubstitution.replace(body.get(), arguments);
                Expr placed = call.owner().equals(owner.name) ? substituted : Relining.all(substituted, call.line());
                return inline(placed, depth + 1);
            }
        }
        return rebuilt;
    }

    /** The callee's body as one expression over its parameters, or empty when it is not straight-line. */
    private Optional<Expr> expression(Expr.Call call) {
        return expressions.computeIfAbsent(key(call), key -> switch (resolver.resolve(call)) {
            case CalleeResolver.Resolution.Found found -> StraightLine.expressionOf(lift(found));
            case CalleeResolver.Resolution.Missing missing -> {
                notInlined.put(key, missing.reason());
                yield Optional.empty();
            }
            case CalleeResolver.Resolution.NotCandidate none -> Optional.empty();
        });
    }

    private Function lift(CalleeResolver.Resolution.Found found) {
        return lifted.computeIfAbsent(
                found.owner() + "." + found.method().name + found.method().desc,
                key -> BytecodeLifter.lift(found.owner(), found.method()));
    }

    /**
     * Splices every remaining call whose callee has branches, block by block, until none is left (or the depth or
     * size bound is reached). A block is revisited after a splice, since the arguments now stored at its end may
     * themselves call functions.
     */
    private Function spliceAll(Function function) {
        List<Block> blocks = new ArrayList<>(function.blocks());
        Map<Variable, Kind> kinds = new HashMap<>(function.variableKinds());
        CallSplicer splicer = new CallSplicer(blocks, kinds, firstFreeTemp(function));
        Map<Integer, Integer> depth = new HashMap<>();
        ArrayDeque<Integer> work = new ArrayDeque<>();
        for (Block block : function.blocks()) {
            if (!function.protectedBlocks().contains(block.id())
                    && !function.handlerBlocks().contains(block.id())) {
                work.add(block.id());
            }
        }
        int splices = 0;
        while (!work.isEmpty() && splices < MAX_SPLICES) {
            int id = work.poll();
            int level = depth.getOrDefault(id, 0);
            Block block = blocks.get(id);
            if (level >= MAX_DEPTH || !spliceFirst(block, level, splicer, depth, work)) {
                continue;
            }
            splices++;
            work.addFirst(id);
        }
        if (splices == 0) {
            return function;
        }
        return new Function(
                function.owner(),
                function.method(),
                List.copyOf(blocks),
                function.handlerBlocks(),
                function.protectedBlocks(),
                function.localNames(),
                function.localDescriptors(),
                Map.copyOf(kinds));
    }

    private boolean spliceFirst(
            Block block, int level, CallSplicer splicer, Map<Integer, Integer> depth, ArrayDeque<Integer> work) {
        List<Stmt> statements = block.statements();
        for (int k = 0; k < statements.size(); k++) {
            if (!isRewritable(statements.get(k))) {
                continue;
            }
            for (Expr operand : StmtOperands.of(statements.get(k))) {
                Expr.Call call = spliceable(operand);
                if (call == null) {
                    continue;
                }
                Function callee = lift((CalleeResolver.Resolution.Found) resolver.resolve(call));
                int continuation = splicer.blocksSize();
                List<Integer> added = splicer.splice(block, k, call, callee);
                inlined++;
                notInlined.remove(key(call));
                depth.put(continuation, level);
                work.add(continuation);
                for (int id : added) {
                    depth.put(id, level + 1);
                    inlineExpressions(splicer.block(id), level + 1);
                    work.add(id);
                }
                return true;
            }
        }
        return false;
    }

    /** Statements whose operands {@link StmtRewriter#map} rebuilds, so a spliced call can be replaced in them. */
    private static boolean isRewritable(Stmt stmt) {
        return switch (stmt) {
            case Stmt.Store s -> true;
            case Stmt.ArrayStore s -> true;
            case Stmt.Eval s -> true;
            case Stmt.Branch s -> true;
            case Stmt.Return s -> true;
            default -> false;
        };
    }

    /** The first call of a tree (outermost first) that can be spliced; records why others cannot. */
    private Expr.Call spliceable(Expr operand) {
        Expr.Call[] found = {null};
        ExprWalk.forEach(operand, e -> {
            if (found[0] == null && e instanceof Expr.Call call) {
                if (resolver.resolve(call) instanceof CalleeResolver.Resolution.Found callee) {
                    String problem = CalleeBody.problem(lift(callee));
                    if (problem == null) {
                        found[0] = call;
                    } else if (!call.owner().equals(owner.name)) {
                        // same-class helpers keep the UNSUPPORTED_CALL reason, which says what a helper may do
                        notInlined.put(
                                key(call),
                                call.owner().replace('/', '.') + "." + call.name() + " cannot be inlined: " + problem);
                    }
                }
            }
        });
        return found[0];
    }

    private static int firstFreeTemp(Function function) {
        int[] max = {-1};
        for (Block block : function.blocks()) {
            for (Stmt stmt : block.statements()) {
                if (stmt instanceof Stmt.Store store) {
                    max[0] = Math.max(max[0], store.variable().id() - Variable.TEMP_BASE);
                }
                for (Expr operand : StmtOperands.of(stmt)) {
                    ExprWalk.forEach(operand, e -> {
                        if (e instanceof Expr.Read read) {
                            max[0] = Math.max(max[0], read.variable().id() - Variable.TEMP_BASE);
                        }
                    });
                }
            }
        }
        return max[0] + 1;
    }
}
