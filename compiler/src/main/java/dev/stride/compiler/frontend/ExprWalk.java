package dev.stride.compiler.frontend;

import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Variable;
import java.util.List;
import java.util.function.Consumer;

/** Small structural queries over expression trees. */
public final class ExprWalk {

    private ExprWalk() {}

    /**
     * Visits a tree in pre-order.
     *
     * @param e the root
     * @param visitor called for every node
     */
    public static void forEach(Expr e, Consumer<Expr> visitor) {
        visitor.accept(e);
        for (Expr child : children(e)) {
            forEach(child, visitor);
        }
    }

    /**
     * The direct operands of a node.
     *
     * @param e a node
     * @return its children, left to right
     */
    public static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.Const c -> List.of();
            case Expr.Read r -> List.of();
            case Expr.Opaque o -> List.of();
            case Expr.Binary b -> List.of(b.left(), b.right());
            case Expr.Negate n -> List.of(n.operand());
            case Expr.Convert c -> List.of(c.operand());
            case Expr.Compare c -> List.of(c.left(), c.right());
            case Expr.ArrayLoad a -> List.of(a.array(), a.index());
            case Expr.ArrayLength a -> List.of(a.array());
            case Expr.Call c -> c.arguments();
            case Expr.FieldLoad f -> f.target() == null ? List.of() : List.of(f.target());
        };
    }

    /**
     * Whether the tree reads a variable.
     *
     * @param e the tree
     * @param variable the variable
     * @return true when some node reads it
     */
    public static boolean reads(Expr e, Variable variable) {
        boolean[] found = {false};
        forEach(
                e,
                node -> found[0] |= node instanceof Expr.Read r && r.variable().equals(variable));
        return found[0];
    }

    /**
     * Whether the tree reads heap memory or calls a method (so a store or call could change its value).
     *
     * @param e the tree
     * @return true for array loads, lengths excluded, field loads and non-Math calls
     */
    public static boolean readsMemory(Expr e) {
        boolean[] found = {false};
        forEach(
                e,
                node -> found[0] |= node instanceof Expr.ArrayLoad
                        || node instanceof Expr.FieldLoad
                        || node instanceof Expr.Opaque
                        || (node instanceof Expr.Call c && !c.owner().equals("java/lang/Math")));
        return found[0];
    }
}
