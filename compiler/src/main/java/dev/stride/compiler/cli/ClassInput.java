package dev.stride.compiler.cli;

/**
 * One class file to inspect.
 *
 * @param origin where it came from, for messages
 * @param bytes its bytes (the stored original when the class was rewritten)
 * @param rewrittenAtBuild whether the build rewrote the class (its stored original was found), so the report says
 *     "compiled at build" rather than "compiled at inspect"
 */
record ClassInput(String origin, byte[] bytes, boolean rewrittenAtBuild) {

    /** A class the build did not rewrite. */
    ClassInput(String origin, byte[] bytes) {
        this(origin, bytes, false);
    }
}
