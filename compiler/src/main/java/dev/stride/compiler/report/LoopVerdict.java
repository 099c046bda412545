package dev.stride.compiler.report;

import java.util.List;

/**
 * What the compiler decided for one loop. A closed hierarchy: renderers switch over it exhaustively, so a new
 * kind of verdict cannot be silently dropped from a report.
 */
public sealed interface LoopVerdict {

    /** Short name used by renderers and JSON ({@code vectorized}, {@code rejected}, ...). */
    String kind();

    /**
     * The loop runs as Vector API code.
     *
     * @param elementType the vector element type ({@code double}, {@code int}, ...)
     * @param lanes lanes per vector at the compiled species
     * @param bits the vector width in bits
     * @param shape how the iteration space is covered, e.g. "unmasked main loop + scalar tail"
     * @param reductions the reductions carried in vector accumulators
     * @param checks run-time checks inserted before the SIMD loop (bounds, nulls, aliasing)
     * @param hoisted loop-invariant values computed once before the SIMD loop (broadcasts, rows of arrays of arrays)
     * @param outerLoop whether this is an outer loop whose lanes each run the inner loops in the original order
     */
    record Vectorized(
            String elementType,
            int lanes,
            int bits,
            String shape,
            List<ReductionReport> reductions,
            List<String> checks,
            List<String> hoisted,
            boolean outerLoop)
            implements LoopVerdict {
        @Override
        public String kind() {
            return outerLoop ? "outer-vectorized" : "vectorized";
        }
    }

    /**
     * The loop's iterations run in parallel chunks through {@code ParallelLoops}; each chunk runs an outlined
     * copy of the loop over its range.
     *
     * @param chunking how the range is split and when it runs serially
     * @param threads where the thread count comes from
     * @param reductions the reductions combined across chunks, in chunk order (several at once through {@code reduceSlots})
     * @param body what the chunk method's loop became (vectorised, or scalar with the reason)
     * @param checks run-time checks before the parallel call; when one fails the original loop runs serially
     * @param assumptions what is trusted rather than proven
     * @param serialNested ids of {@code prange} loops nested inside, which run serially inside each chunk
     */
    record Parallel(
            String chunking,
            String threads,
            List<ReductionReport> reductions,
            String body,
            List<String> checks,
            List<String> assumptions,
            List<String> serialNested)
            implements LoopVerdict {
        @Override
        public String kind() {
            return "parallel";
        }

        /**
         * The same verdict with the chunk body's outcome filled in.
         *
         * @param outcome what the chunk method's loop became
         * @return the verdict
         */
        public Parallel withBody(String outcome) {
            return new Parallel(chunking, threads, reductions, outcome, checks, assumptions, serialNested);
        }
    }

    /**
     * Not rewritten because HotSpot's C2 auto-vectoriser already vectorises this shape; rewriting would not be
     * faster.
     *
     * @param why the shape C2 handles, in words
     */
    record LeftToC2(String why) implements LoopVerdict {
        @Override
        public String kind() {
            return "left-to-c2";
        }
    }

    /**
     * Not rewritten: the loop runs as the original scalar code.
     *
     * @param reason the rule that rejected the loop
     * @param line the source line of the offending construct, or the loop's line
     * @param detail the construct in the user's terms (e.g. "array 'out' is written at i and read at i-1")
     * @param parallel whether the loop was a {@code prange} loop of a {@code @Parallel} method (so it was not
     *     parallelised; it is not considered for SIMD either)
     */
    record Rejected(RejectionReason reason, int line, String detail, boolean parallel) implements LoopVerdict {
        @Override
        public String kind() {
            return "rejected";
        }
    }

    /**
     * Handled as part of an enclosing loop's verdict (an inner loop of an outer-loop vectorised nest).
     *
     * @param enclosingLoopId the id of the loop whose code covers this one
     */
    record PartOfOuter(String enclosingLoopId) implements LoopVerdict {
        @Override
        public String kind() {
            return "part-of-outer";
        }
    }
}
