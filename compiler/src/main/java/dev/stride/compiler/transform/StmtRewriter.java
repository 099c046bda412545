package dev.stride.compiler.transform;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Condition;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Rebuilds statements and expressions with a function applied to their operand trees. */
final class StmtRewriter {

    private StmtRewriter() {}

    /** Applies {@code f} to every operand tree of a statement. */
    static Stmt map(Stmt stmt, UnaryOperator<Expr> f) {
        return switch (stmt) {
            case Stmt.Store s -> new Stmt.Store(s.variable(), f.apply(s.value()), s.line());
            case Stmt.ArrayStore s ->
                new Stmt.ArrayStore(
                        f.apply(s.array()), f.apply(s.index()), f.apply(s.value()), s.elementKind(), s.line());
            case Stmt.Eval s -> new Stmt.Eval(f.apply(s.expr()), s.line());
            case Stmt.Branch s ->
                new Stmt.Branch(
                        new Condition(
                                s.condition().op(),
                                f.apply(s.condition().left()),
                                f.apply(s.condition().right())),
                        s.whenTrue(),
                        s.whenFalse(),
                        s.line());
            case Stmt.Return s -> s.value() == null ? s : new Stmt.Return(f.apply(s.value()), s.line());
            default -> stmt;
        };
    }

    /** Rebuilds a node with {@code f} applied to each direct child. */
    static Expr mapChildren(Expr e, UnaryOperator<Expr> f) {
        return switch (e) {
            case Expr.Binary b -> new Expr.Binary(b.op(), f.apply(b.left()), f.apply(b.right()), b.kind(), b.line());
            case Expr.Negate n -> new Expr.Negate(f.apply(n.operand()), n.kind(), n.line());
            case Expr.Convert c -> new Expr.Convert(f.apply(c.operand()), c.kind(), c.line());
            case Expr.Compare c -> new Expr.Compare(f.apply(c.left()), f.apply(c.right()), c.nanIsGreater(), c.line());
            case Expr.ArrayLoad a ->
                new Expr.ArrayLoad(f.apply(a.array()), f.apply(a.index()), a.elementKind(), a.line());
            case Expr.ArrayLength a -> new Expr.ArrayLength(f.apply(a.array()), a.line());
            case Expr.Call c -> {
                List<Expr> arguments = new ArrayList<>();
                c.arguments().forEach(argument -> arguments.add(f.apply(argument)));
                yield new Expr.Call(c.owner(), c.name(), c.descriptor(), c.isStatic(), arguments, c.kind(), c.line());
            }
            default -> e;
        };
    }

    /** Whether a helper's result reads only parameters and pure operations (no memory, no unknown calls). */
    static boolean isSimple(Expr e) {
        boolean[] simple = {true};
        ExprWalk.forEach(
                e,
                node -> simple[0] &= switch (node) {
                    case Expr.ArrayLoad a -> false;
                    case Expr.FieldLoad f -> false;
                    case Expr.Opaque o -> false;
                    case Expr.Read r -> r.variable().isLocal();
                    default -> true;
                });
        return simple[0];
    }
}
