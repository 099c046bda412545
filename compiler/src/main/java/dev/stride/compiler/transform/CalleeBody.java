package dev.stride.compiler.transform;

import dev.stride.compiler.analysis.StmtOperands;
import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;

/**
 * Decides whether a lifted callee can be spliced into a caller's control flow graph by {@link CallSplicer}: its
 * blocks may only assign primitive locals, branch forward, and return a primitive; its expressions may not touch
 * memory (arrays, fields) or carry constructs the IR does not model. The reason is the text a loop's rejection
 * quotes when a call stays a call.
 */
final class CalleeBody {

    private CalleeBody() {}

    /**
     * Why a callee cannot be spliced.
     *
     * @param callee the lifted callee
     * @return the reason in words, or null when it can be spliced
     */
    static String problem(Function callee) {
        if (callee.method().desc.endsWith(")V")) {
            return "it returns no value";
        }
        for (Block block : callee.blocks()) {
            for (int successor : block.successors()) {
                if (successor <= block.id()) {
                    return "its body has a loop";
                }
            }
            for (Stmt stmt : block.statements()) {
                String problem = problem(stmt);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String problem(Stmt stmt) {
        String shape = switch (stmt) {
            case Stmt.Store store -> store.value().kind() == Kind.REF ? "it assigns an object reference" : null;
            case Stmt.Branch branch -> null;
            case Stmt.Jump jump -> null;
            case Stmt.Return ret ->
                ret.value() == null || ret.value().kind() == Kind.REF ? "it returns no primitive" : null;
            case Stmt.ArrayStore store -> "it writes an array element";
            case Stmt.FieldStore store -> "it writes field '" + store.name() + "'";
            case Stmt.Throw thr -> "it throws an exception";
            case Stmt.Eval eval -> "it calls a method for its effect";
            case Stmt.Switch sw -> "it has a switch";
            case Stmt.Opaque opaque -> "it has " + opaque.what();
        };
        if (shape != null) {
            return shape;
        }
        for (Expr operand : StmtOperands.of(stmt)) {
            String[] found = {null};
            ExprWalk.forEach(operand, e -> {
                String problem = switch (e) {
                    case Expr.ArrayLoad load -> "it reads an array element";
                    case Expr.ArrayLength length -> "it reads an array length";
                    case Expr.FieldLoad field -> "it reads field '" + field.name() + "'";
                    case Expr.Opaque opaque -> "it has " + opaque.what();
                    case Expr.Read read -> read.kind() == Kind.REF ? "it reads an object reference" : null;
                    default -> null;
                };
                if (found[0] == null) {
                    found[0] = problem;
                }
            });
            if (found[0] != null) {
                return found[0];
            }
        }
        return null;
    }
}
