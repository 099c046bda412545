package dev.stride.compiler.cli;

/**
 * One class file to inspect.
 *
 * @param origin where it came from, for messages
 * @param bytes its bytes (the stored original when the class was rewritten)
 */
record ClassInput(String origin, byte[] bytes) {}
