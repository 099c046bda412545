package dev.stride.compiler.specialise;

/**
 * A kernel cannot be specialised: the message names the construct, the reason and the source line. The annotation
 * processor rejects these constructs while javac runs; this exception is the backstop for class files that did not
 * go through it (and for constants javac folded, which the processor cannot see).
 */
public final class SpecialisationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The source line of the construct, or 0 when the refusal is not about one line. */
    private final int line;

    /** The source file of the kernel, or null when not known. */
    private final String sourceFile;

    /**
     * An exception with its message.
     *
     * @param message the construct, the reason and the place
     */
    public SpecialisationException(String message) {
        this(message, null, 0);
    }

    /**
     * An exception about one line of the kernel.
     *
     * @param message the construct and the reason
     * @param sourceFile the kernel's source file, or null
     * @param line the source line
     */
    public SpecialisationException(String message, String sourceFile, int line) {
        super(message);
        this.sourceFile = sourceFile;
        this.line = line;
    }

    /** @return the kernel's source file, or null */
    public String sourceFile() {
        return sourceFile;
    }

    /**
     * The message with its place, {@code Kernels.java:42: sum: cannot specialise to FLOAT: ...}.
     *
     * @return the located message
     */
    public String located() {
        if (sourceFile == null) {
            return getMessage();
        }
        return (line > 0 ? sourceFile + ":" + line : sourceFile) + ": " + getMessage();
    }

    /** @return the source line of the construct, or 0 */
    public int line() {
        return line;
    }
}
