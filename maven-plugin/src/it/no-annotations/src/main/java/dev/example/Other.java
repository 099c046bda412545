package dev.example;

/** A second plain class. */
public final class Other {
    private Other() {}

    /** A loop, but no annotation: not Stride's business. */
    public static double sum(double[] a) {
        double total = 0;
        for (double value : a) {
            total += value;
        }
        return total;
    }
}
