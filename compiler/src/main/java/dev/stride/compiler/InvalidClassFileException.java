package dev.stride.compiler;

/** Thrown when the bytes given to the compiler are not a class file it can read (truncated, corrupted). */
public final class InvalidClassFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A class file that could not be read.
     *
     * @param message what was wrong
     * @param cause the reader's exception
     */
    public InvalidClassFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
