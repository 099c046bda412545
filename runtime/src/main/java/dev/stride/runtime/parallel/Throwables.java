package dev.stride.runtime.parallel;

/** Rethrows a {@link Throwable} as it is, checked or not, without wrapping. */
final class Throwables {

    private Throwables() {}

    /**
     * Throws {@code thrown}; declared to return an exception so callers can write {@code throw
     * sneakyThrow(t)} and the compiler sees the path end.
     */
    static RuntimeException sneakyThrow(Throwable thrown) {
        throw Throwables.<RuntimeException>uncheckedThrow(thrown);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T uncheckedThrow(Throwable thrown) throws T {
        throw (T) thrown;
    }
}
