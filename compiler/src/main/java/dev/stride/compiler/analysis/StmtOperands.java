package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Stmt;
import java.util.ArrayList;
import java.util.List;

/** The expression operands of a statement, in evaluation order. */
public final class StmtOperands {

    private StmtOperands() {}

    /**
     * The operands a statement evaluates.
     *
     * @param stmt a statement
     * @return its operand trees
     */
    public static List<Expr> of(Stmt stmt) {
        List<Expr> operands = new ArrayList<>();
        switch (stmt) {
            case Stmt.Store s -> operands.add(s.value());
            case Stmt.ArrayStore s -> {
                operands.add(s.array());
                operands.add(s.index());
                operands.add(s.value());
            }
            case Stmt.Eval s -> operands.add(s.expr());
            case Stmt.FieldStore s -> {
                if (s.target() != null) {
                    operands.add(s.target());
                }
                operands.add(s.value());
            }
            case Stmt.Branch s -> {
                operands.add(s.condition().left());
                operands.add(s.condition().right());
            }
            case Stmt.Return s -> {
                if (s.value() != null) {
                    operands.add(s.value());
                }
            }
            case Stmt.Throw s -> operands.add(s.value());
            case Stmt.Switch s -> operands.add(s.key());
            case Stmt.Jump s -> {
                // no operands
            }
            case Stmt.Opaque s -> {
                // no modelled operands
            }
        }
        return operands;
    }
}
