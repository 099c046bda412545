package dev.stride.compiler.transform;

import dev.stride.compiler.analysis.ExprSubstitution;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a callee whose body is one block of local assignments ending in {@code return e} as the single
 * expression {@code e} over its parameters, for {@link HelperInliningPass}'s first way of inlining.
 */
final class StraightLine {

    private StraightLine() {}

    /**
     * The callee's result as one expression over its parameters.
     *
     * @param callee the lifted callee
     * @return the expression, or empty when the body branches, touches memory or calls unknown code
     */
    static Optional<Expr> expressionOf(Function callee) {
        // javac ends a method with a label after the return: that trailing block has no statements
        List<Block> nonEmpty =
                callee.blocks().stream().filter(b -> !b.statements().isEmpty()).toList();
        if (nonEmpty.size() != 1) {
            return Optional.empty();
        }
        Map<Variable, Expr> locals = new HashMap<>();
        for (Stmt stmt : nonEmpty.getFirst().statements()) {
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
