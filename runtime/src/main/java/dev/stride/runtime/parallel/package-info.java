/**
 * The run-time half of {@code @Parallel} loops: static entry points ({@link
 * dev.stride.runtime.parallel.ParallelLoops}) that run an outlined chunk body over {@code [lo, hi)} on a private
 * fork/join pool, with deterministic chunking, in-order reductions and unwrapped exceptions. The protocol the
 * rewriter follows is in {@code docs/parallel-runtime.md}.
 */
package dev.stride.runtime.parallel;
