package dev.stride.compiler.transform;

import dev.stride.compiler.ir.Expr;

/**
 * Moves an expression node to another source line. Code inlined from another class carries that class's lines;
 * moved to the call's line, a loop's rejection and report point at the caller's source, where the user looks.
 */
final class Relining {

    private Relining() {}

    /**
     * The same node (children unchanged) on another line.
     *
     * @param e a node
     * @param line the new line
     * @return the node on that line
     */
    static Expr at(Expr e, int line) {
        return switch (e) {
            case Expr.Const c -> new Expr.Const(c.value(), c.kind(), line);
            case Expr.Read r -> new Expr.Read(r.variable(), r.kind(), line);
            case Expr.Binary b -> new Expr.Binary(b.op(), b.left(), b.right(), b.kind(), line);
            case Expr.Negate n -> new Expr.Negate(n.operand(), n.kind(), line);
            case Expr.Convert c -> new Expr.Convert(c.operand(), c.kind(), line);
            case Expr.Compare c -> new Expr.Compare(c.left(), c.right(), c.nanIsGreater(), line);
            case Expr.ArrayLoad a -> new Expr.ArrayLoad(a.array(), a.index(), a.elementKind(), line);
            case Expr.ArrayLength a -> new Expr.ArrayLength(a.array(), line);
            case Expr.Call c ->
                new Expr.Call(c.owner(), c.name(), c.descriptor(), c.isStatic(), c.arguments(), c.kind(), line);
            case Expr.FieldLoad f ->
                new Expr.FieldLoad(f.owner(), f.name(), f.descriptor(), f.target(), f.kind(), line);
            case Expr.Opaque o -> new Expr.Opaque(o.what(), o.kind(), line);
        };
    }

    /**
     * An expression tree with every node on one line.
     *
     * @param e a tree
     * @param line the line
     * @return the tree on that line
     */
    static Expr all(Expr e, int line) {
        return at(StmtRewriter.mapChildren(e, child -> all(child, line)), line);
    }
}
