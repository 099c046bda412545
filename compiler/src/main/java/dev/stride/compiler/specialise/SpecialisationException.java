package dev.stride.compiler.specialise;

/**
 * A kernel cannot be specialised: the message names the construct, the reason and the source line. The annotation
 * processor rejects these constructs while javac runs; this exception is the backstop for class files that did not
 * go through it (and for constants javac folded, which the processor cannot see).
 */
public final class SpecialisationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with its message.
     *
     * @param message the construct, the reason and the line
     */
    public SpecialisationException(String message) {
        super(message);
    }
}
