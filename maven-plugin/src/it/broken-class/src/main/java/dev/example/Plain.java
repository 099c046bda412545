package dev.example;

/** A class without Stride annotations: the plugin must leave it byte for byte as javac wrote it. */
public final class Plain {
    private Plain() {}

    /** Adds two numbers. */
    public static int add(int a, int b) {
        return a + b;
    }
}
