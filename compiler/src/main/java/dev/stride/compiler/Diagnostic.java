package dev.stride.compiler;

/**
 * A message about user code, located by source file and line so IDEs and CI logs can link it.
 *
 * @param severity how serious it is
 * @param sourceFile the source file name ({@code Kernels.java}), or the class name when unknown
 * @param line the source line, or 0 when unknown
 * @param message the rule, the reason and the construct, in one sentence
 */
public record Diagnostic(Severity severity, String sourceFile, int line, String message) {

    /** How serious a diagnostic is. */
    public enum Severity {
        /** Informational: what was optimised. */
        NOTE,
        /** A loop was left scalar (an error under {@code strict}). */
        WARNING,
        /** The build must fail. */
        ERROR
    }

    /**
     * The conventional one-line form, {@code Kernels.java:42: warning: message}.
     *
     * @return the formatted diagnostic
     */
    public String format() {
        String place = line > 0 ? sourceFile + ":" + line : sourceFile;
        return place + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
