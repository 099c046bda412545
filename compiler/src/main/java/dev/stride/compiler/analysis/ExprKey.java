package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Expr;
import java.util.List;

/**
 * A structural key of an expression that ignores source lines, so two occurrences of {@code i + 1} (or of the
 * same temporary) compare equal. Used to tell whether two array indices are the same element.
 */
final class ExprKey {

    private ExprKey() {}

    /**
     * The key.
     *
     * @param e an expression
     * @return a string equal for structurally equal trees
     */
    static String of(Expr e) {
        String head = switch (e) {
            case Expr.Const c -> "const " + c.kind() + " " + c.value();
            case Expr.Read r -> "read " + r.variable() + "/" + r.variable().kind();
            case Expr.Binary b -> b.op().name() + " " + b.kind();
            case Expr.Negate n -> "neg " + n.kind();
            case Expr.Convert c -> "convert " + c.kind();
            case Expr.Compare c -> "compare " + c.nanIsGreater();
            case Expr.ArrayLoad a -> "load " + a.elementKind();
            case Expr.ArrayLength a -> "length";
            case Expr.Call c -> "call " + c.owner() + "." + c.name() + c.descriptor();
            case Expr.FieldLoad f -> "field " + f.owner() + "." + f.name();
            case Expr.Opaque o -> "opaque " + System.identityHashCode(o);
        };
        List<Expr> children = ExprWalk.children(e);
        if (children.isEmpty()) {
            return head;
        }
        StringBuilder key = new StringBuilder("(").append(head);
        for (Expr child : children) {
            key.append(' ').append(of(child));
        }
        return key.append(')').toString();
    }
}
