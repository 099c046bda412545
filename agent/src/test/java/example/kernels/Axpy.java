package example.kernels;

import dev.stride.Jit;

/** A kernel compiled by plain javac (no plugin), for the agent's forked-JVM test. */
public final class Axpy {
    private Axpy() {}

    /**
     * {@code out = a * x + y}, element by element.
     *
     * @param a the factor
     * @param x the scaled input
     * @param y the added input
     * @param out the result
     */
    @Jit
    public static void axpy(double a, double[] x, double[] y, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = a * x[i] + y[i];
        }
    }

    /**
     * Runs the kernel on fixed data and prints a checksum of the bits, so two JVMs can compare exactly.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        int n = 1001;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i) * 1e3;
            y[i] = i / 7.0;
        }
        double[] out = new double[n];
        axpy(1.000001, x, y, out);
        long checksum = 0;
        for (double value : out) {
            checksum = checksum * 31 + Double.doubleToRawLongBits(value);
        }
        System.out.println("checksum " + checksum);
    }
}
