package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rebuilds an expression tree with some variable reads replaced by other expressions. */
public final class ExprSubstitution {

    private ExprSubstitution() {}

    /**
     * Replaces reads of the given variables.
     *
     * @param e the tree
     * @param replacements variable to its replacement
     * @return the new tree (shares unchanged subtrees)
     */
    public static Expr replace(Expr e, Map<Variable, Expr> replacements) {
        return switch (e) {
            case Expr.Read read -> replacements.getOrDefault(read.variable(), read);
            case Expr.Const c -> c;
            case Expr.Opaque o -> o;
            case Expr.Binary b ->
                new Expr.Binary(
                        b.op(), replace(b.left(), replacements), replace(b.right(), replacements), b.kind(), b.line());
            case Expr.Negate n -> new Expr.Negate(replace(n.operand(), replacements), n.kind(), n.line());
            case Expr.Convert c -> new Expr.Convert(replace(c.operand(), replacements), c.kind(), c.line());
            case Expr.Compare c ->
                new Expr.Compare(
                        replace(c.left(), replacements), replace(c.right(), replacements), c.nanIsGreater(), c.line());
            case Expr.ArrayLoad a ->
                new Expr.ArrayLoad(
                        replace(a.array(), replacements), replace(a.index(), replacements), a.elementKind(), a.line());
            case Expr.ArrayLength a -> new Expr.ArrayLength(replace(a.array(), replacements), a.line());
            case Expr.Call c -> {
                List<Expr> arguments = new ArrayList<>();
                c.arguments().forEach(argument -> arguments.add(replace(argument, replacements)));
                yield new Expr.Call(c.owner(), c.name(), c.descriptor(), c.isStatic(), arguments, c.kind(), c.line());
            }
            case Expr.FieldLoad f -> f;
        };
    }
}
