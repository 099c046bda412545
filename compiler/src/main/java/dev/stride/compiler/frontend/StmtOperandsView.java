package dev.stride.compiler.frontend;

import dev.stride.compiler.analysis.StmtOperands;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Stmt;
import java.util.List;

/** The front end's view of statement operands (delegates to the analysis helper, one definition). */
final class StmtOperandsView {
    private StmtOperandsView() {}

    static List<Expr> of(Stmt stmt) {
        return StmtOperands.of(stmt);
    }
}
