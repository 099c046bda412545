package dev.stride.compiler.analysis;

import dev.stride.compiler.report.RejectionReason;

/**
 * Thrown inside loop analyses to stop at the first rule a loop breaks; the analyzer turns it into a
 * {@link dev.stride.compiler.report.LoopVerdict.Rejected} verdict. Not an error: the loop stays scalar.
 */
public final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient RejectionReason reason;
    private final int line;
    private final String detail;

    /**
     * A broken rule.
     *
     * @param reason the rule
     * @param line the source line of the construct
     * @param detail the construct in the user's terms
     */
    public Rejection(RejectionReason reason, int line, String detail) {
        super(reason + " at line " + line + ": " + detail, null, false, false);
        this.reason = reason;
        this.line = line;
        this.detail = detail;
    }

    /** @return the rule */
    public RejectionReason reason() {
        return reason;
    }

    /** @return the source line */
    public int line() {
        return line;
    }

    /** @return the construct in the user's terms */
    public String detail() {
        return detail;
    }
}
