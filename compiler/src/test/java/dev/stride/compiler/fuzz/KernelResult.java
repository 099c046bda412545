package dev.stride.compiler.fuzz;

/**
 * What happened to one generated kernel.
 *
 * @param kernel the kernel
 * @param status the outcome
 * @param optimisation {@code vectorized}, {@code outer-vectorized}, or why not: a {@code RejectionReason} name,
 *     {@code LEFT_TO_C2}, or the javac message when the source did not compile
 * @param failure what went wrong, null unless {@link Status#FAILED}
 */
record KernelResult(Kernel kernel, Status status, String optimisation, String failure) {

    /** The outcome of one kernel. */
    enum Status {
        /** javac rejected the generated source (a generator bug; counted, never hidden) */
        NOT_COMPILED,
        /** the rewritten kernel behaved like the plain one on every trial */
        PASSED,
        /** a mismatch, a compiler error diagnostic, a crash, an unverifiable class or a hang */
        FAILED
    }

    /** @return whether the compiler took the optimised path */
    boolean vectorized() {
        return optimisation.endsWith("vectorized");
    }
}
