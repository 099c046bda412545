package dev.stride.runtime;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Stride's run-time settings, read once from system properties (which win) and environment variables.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>property</th><th>environment</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code stride.disable}</td><td>{@code STRIDE_DISABLE_JIT}</td>
 *       <td>kill switch: run the original scalar bodies everywhere</td><td>false</td></tr>
 *   <tr><td>{@code stride.threads}</td><td>{@code STRIDE_THREADS}</td>
 *       <td>worker threads for parallel loops</td><td>available processors</td></tr>
 *   <tr><td>{@code stride.simd.width}</td><td>{@code STRIDE_SIMD_WIDTH}</td>
 *       <td>cap on the SIMD width in bits: {@code auto}, 128, 256 or 512</td><td>auto</td></tr>
 *   <tr><td>{@code stride.parallel.threshold}</td><td>{@code STRIDE_PARALLEL_THRESHOLD}</td>
 *       <td>trip count below which parallel loops run serially</td><td>4096</td></tr>
 * </table>
 *
 * <p>Invalid values are errors (an {@link IllegalArgumentException} naming the setting), not silently ignored.
 *
 * @param disabled whether the kill switch is on
 * @param threads the worker thread count, at least 1
 * @param simdWidthBits the SIMD width cap in bits, or 0 for automatic
 * @param parallelThreshold the minimum trip count for parallel execution
 */
public record StrideConfig(boolean disabled, int threads, int simdWidthBits, int parallelThreshold) {

    private static final StrideConfig CURRENT = read(System.getProperties(), System.getenv());

    /** Validates the settings. */
    public StrideConfig {
        if (threads < 1) {
            throw new IllegalArgumentException("stride.threads must be at least 1, was " + threads);
        }
        if (simdWidthBits != 0 && simdWidthBits != 128 && simdWidthBits != 256 && simdWidthBits != 512) {
            throw new IllegalArgumentException("stride.simd.width must be auto, 128, 256 or 512, was " + simdWidthBits);
        }
        if (parallelThreshold < 0) {
            throw new IllegalArgumentException(
                    "stride.parallel.threshold must not be negative, was " + parallelThreshold);
        }
    }

    /**
     * The settings of this JVM, read when this class was initialised.
     *
     * @return the process-wide configuration
     */
    public static StrideConfig current() {
        return CURRENT;
    }

    /**
     * Reads the settings from the given sources; exposed so tests need not mutate the process environment.
     *
     * @param properties system properties (checked first)
     * @param environment environment variables
     * @return the configuration
     */
    public static StrideConfig read(Properties properties, Map<String, String> environment) {
        boolean disabled = parseBoolean(
                "stride.disable", setting(properties, environment, "stride.disable", "STRIDE_DISABLE_JIT"));
        String threads = setting(properties, environment, "stride.threads", "STRIDE_THREADS");
        String width = setting(properties, environment, "stride.simd.width", "STRIDE_SIMD_WIDTH");
        String threshold = setting(properties, environment, "stride.parallel.threshold", "STRIDE_PARALLEL_THRESHOLD");
        return new StrideConfig(
                disabled,
                threads == null ? Runtime.getRuntime().availableProcessors() : parseInt("stride.threads", threads),
                width == null || width.equalsIgnoreCase("auto") ? 0 : parseInt("stride.simd.width", width),
                threshold == null ? 4096 : parseInt("stride.parallel.threshold", threshold));
    }

    private static String setting(Properties properties, Map<String, String> environment, String key, String env) {
        String value = properties.getProperty(key);
        if (value == null) {
            value = environment.get(env);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean parseBoolean(String key, String value) {
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
        };
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'", e);
        }
    }
}
