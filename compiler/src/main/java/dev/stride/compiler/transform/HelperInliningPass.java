package dev.stride.compiler.transform;

import dev.stride.compiler.ClassLibrary;
import dev.stride.compiler.analysis.ExprSubstitution;
import dev.stride.compiler.frontend.BytecodeCheck;
import dev.stride.compiler.frontend.BytecodeLifter;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Inlines calls to small static helpers of the same class into the IR, so a helper does not block vectorisation:
 * {@code acc += sq(x[i] - m)} with {@code static double sq(double d) { return d * d; }} is analysed as
 * {@code acc += (x[i] - m) * (x[i] - m)}.
 *
 * <p>A helper is inlined when it is static, declared in the same class, and its body is straight-line code that
 * only assigns locals and returns an expression (no loops, branches, stores to memory or calls other than
 * {@code Math} and other such helpers, up to {@link #MAX_DEPTH} levels). Arguments are substituted for parameter
 * reads; they are side-effect free in such calls, so evaluating them where the parameter is read keeps the
 * meaning. Only the IR changes: the original method, which is the scalar fallback, still makes the call.
 */
public final class HelperInliningPass {
    /** Helpers calling helpers are inlined up to this depth. */
    public static final int MAX_DEPTH = 3;

    private final ClassNode owner;
    private final ClassLibrary library;
    private final Map<String, Optional<Expr>> bodies = new HashMap<>();

    /**
     * A pass over the methods of one class.
     *
     * @param owner the class whose static helpers may be inlined
     * @param library where the class files of other classes' functions are found
     */
    public HelperInliningPass(ClassNode owner, ClassLibrary library) {
        this.owner = owner;
        this.library = library;
    }

    /**
     * Rewrites every statement of a function with helper calls inlined.
     *
     * @param function the lifted method (its blocks are rewritten in place)
     * @return the number of calls inlined
     */
    public int run(Function function) {
        int[] count = {0};
        for (Block block : function.blocks()) {
            List<Stmt> statements = block.statements();
            for (int k = 0; k < statements.size(); k++) {
                statements.set(k, StmtRewriter.map(statements.get(k), e -> inline(e, 0, count)));
            }
        }
        return count[0];
    }

    private Expr inline(Expr e, int depth, int[] count) {
        Expr rebuilt = StmtRewriter.mapChildren(e, child -> inline(child, depth, count));
        if (rebuilt instanceof Expr.Call call
                && call.isStatic()
                && call.owner().equals(owner.name)
                && depth < MAX_DEPTH) {
            Optional<Expr> body = body(call.name(), call.descriptor());
            if (body.isPresent()) {
                count[0]++;
                Map<Variable, Expr> arguments = new HashMap<>();
                Type[] types = Type.getArgumentTypes(call.descriptor());
                int slot = 0;
                for (int k = 0; k < types.length; k++) {
                    arguments.put(
                            Variable.local(slot, Kind.ofType(types[k])),
                            call.arguments().get(k));
                    slot += types[k].getSize();
                }
                return inline(ExprSubstitution.replace(body.get(), arguments), depth + 1, count);
            }
        }
        return rebuilt;
    }

    /** The helper's body as one expression over its parameters, or empty when it is not a simple helper. */
    private Optional<Expr> body(String name, String descriptor) {
        return bodies.computeIfAbsent(name + descriptor, key -> {
            for (MethodNode method : owner.methods) {
                if (method.name.equals(name)
                        && method.desc.equals(descriptor)
                        && (method.access & Opcodes.ACC_STATIC) != 0
                        && method.instructions.size() > 0
                        && method.tryCatchBlocks.isEmpty()
                        && BytecodeCheck.check(owner.name, method).isEmpty()) {
                    return expressionOf(BytecodeLifter.lift(owner.name, method));
                }
            }
            return Optional.empty();
        });
    }

    private static Optional<Expr> expressionOf(Function helper) {
        // javac ends a method with a label after the return: that trailing block has no statements
        List<Block> nonEmpty =
                helper.blocks().stream().filter(b -> !b.statements().isEmpty()).toList();
        if (nonEmpty.size() != 1) {
            return Optional.empty();
        }
        Map<Variable, Expr> locals = new HashMap<>();
        List<Stmt> statements = new ArrayList<>(nonEmpty.getFirst().statements());
        for (Stmt stmt : statements) {
            switch (stmt) {
                case Stmt.Store store
                when store.value().kind() != Kind.REF ->
                    locals.put(store.variable(), ExprSubstitution.replace(store.value(), locals));
                case Stmt.Return ret
                when ret.value() != null && ret.value().kind() != Kind.REF -> {
                    Expr result = ExprSubstitution.replace(ret.value(), locals);
                    return StmtRewriter.isSimple(result) ? Optional.of(result) : Optional.empty();
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
