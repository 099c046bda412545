package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Stmt;
import java.util.List;

/**
 * Everything code generation needs to emit a loop as an in-register scan.
 *
 * @param vector the ordinary plan of the loop (counted loop, parameters, accesses, alias checks, lane kind and
 *     width), without reductions: it drives the bounds and alias checks and the preheader call as for any
 *     vectorised loop
 * @param scan the scan
 * @param statements the body as straight-line statements in execution order: the scan's update (compared by
 *     identity with {@link Scan#update()}), temporaries and array stores; a fill-forward written with an
 *     {@code if} is already in this form ({@link ScanBody})
 */
public record ScanPlan(VectorLoopPlan vector, Scan scan, List<Stmt> statements) {

    /** @return lanes per vector at the compiled width */
    public int lanes() {
        return vector.lanes();
    }

    /** @return the in-register shift-and-combine steps per vector at the compiled width: log2(lanes) */
    public int steps() {
        return Integer.numberOfTrailingZeros(lanes());
    }
}
