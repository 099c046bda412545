package dev.stride.compiler.specialise;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one call did: its result or the exception it threw, and the contents of every array argument afterwards
 * (a kernel that throws half-way must have written exactly what the plain code wrote).
 *
 * @param result the boxed result, or null
 * @param thrown the exception's class and message, or null
 * @param arrays the array arguments after the call
 */
record Outcome(Object result, String thrown, List<Object> arrays) {

    /**
     * Calls a handle on copies of the arguments.
     *
     * @param handle the method
     * @param arguments the arguments (not modified)
     * @return what happened
     */
    static Outcome of(MethodHandle handle, Object[] arguments) {
        Object[] copies = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            copies[i] = copy(arguments[i]);
        }
        Object result = null;
        String thrown = null;
        try {
            result = handle.invokeWithArguments(copies);
        } catch (Throwable e) {
            thrown = e.getClass().getName() + ": " + e.getMessage();
        }
        List<Object> arrays = new ArrayList<>();
        for (Object copy : copies) {
            if (copy != null && copy.getClass().isArray()) {
                arrays.add(copy);
            }
        }
        return new Outcome(result, thrown, arrays);
    }

    /** Exact equality: results by their bits ({@code Float.equals}), arrays element by element, same exception. */
    boolean same(Outcome other) {
        if (!Objects.equals(result, other.result) || !Objects.equals(thrown, other.thrown)) {
            return false;
        }
        for (int i = 0; i < arrays.size(); i++) {
            if (!Arrays.deepEquals(new Object[] {arrays.get(i)}, new Object[] {other.arrays.get(i)})) {
                return false;
            }
        }
        return arrays.size() == other.arrays.size();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(thrown != null ? "threw " + thrown : "returned " + result);
        for (Object array : arrays) {
            text.append(", ").append(Arrays.deepToString(new Object[] {array}));
        }
        return text.toString();
    }

    private static Object copy(Object argument) {
        return switch (argument) {
            case float[] a -> a.clone();
            case double[] a -> a.clone();
            case int[] a -> a.clone();
            case long[] a -> a.clone();
            case null, default -> argument;
        };
    }
}
