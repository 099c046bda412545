package dev.stride.maven;

import java.util.Locale;

/**
 * Counts and times of one plugin run over a class directory, for the summary line and the tests.
 *
 * <p>Every scanned class file ends in exactly one bucket: {@code compiled} (given to the compiler),
 * {@code unchanged} (skipped: its bytes are what this Stride wrote or checked last time), {@code plain} (no
 * Stride annotations) or {@code failed}. Excluded classes are not scanned.
 */
final class RunStatistics {
    int scanned;
    int compiled;
    int rewritten;
    int unchanged;
    int plain;
    int excluded;
    int failed;
    int methods;
    long compileNanos;
    long totalNanos;

    /** The summary, e.g. {@code 5 classes scanned, 1 compiled / 4 unchanged (...)}. */
    String summary() {
        return String.format(
                Locale.ROOT,
                "%d %s scanned, %d compiled / %d unchanged (%d rewritten, %d without Stride annotations, %d"
                        + " excluded, %d failed) in %d ms; %s per compiled class, %s per method",
                scanned,
                scanned == 1 ? "class" : "classes",
                compiled,
                unchanged,
                rewritten,
                plain,
                excluded,
                failed,
                totalNanos / 1_000_000,
                milliseconds(compiled),
                milliseconds(methods));
    }

    private String milliseconds(int count) {
        return count == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f ms", compileNanos / 1e6 / count);
    }
}
