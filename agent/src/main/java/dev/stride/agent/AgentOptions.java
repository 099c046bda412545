package dev.stride.agent;

import dev.stride.compiler.CompilerOptions;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The agent's arguments, {@code -javaagent:stride-agent.jar=fastmath,simdWidth=256,verbose,report=DIR}: a comma
 * list of {@code name} or {@code name=value}.
 *
 * @param fastmath permit floating-point reassociation in every kernel
 * @param simdBits 0 for each annotation's choice ({@code auto}), else 256 or 512
 * @param verbose log every class examined and its outcome, not only failures
 * @param reportDirectory where to write one text report per compiled class, or null for none
 * @param includeJdk also examine classes of the boot and platform loaders and {@code java.}, {@code jdk.},
 *     {@code sun.} names (off: they never carry Stride annotations, and examining them costs start-up time)
 */
record AgentOptions(boolean fastmath, int simdBits, boolean verbose, Path reportDirectory, boolean includeJdk) {

    /**
     * Parses the agent argument string.
     *
     * @param arguments the text after {@code =} in {@code -javaagent}, or null
     * @return the options
     * @throws IllegalArgumentException for an unknown option or a bad value, naming it
     */
    static AgentOptions parse(String arguments) {
        boolean fastmath = false;
        int simdBits = 0;
        boolean verbose = false;
        Path reportDirectory = null;
        boolean includeJdk = false;
        for (String option : arguments == null ? new String[0] : arguments.split(",")) {
            String trimmed = option.trim();
            int equals = trimmed.indexOf('=');
            String name = (equals < 0 ? trimmed : trimmed.substring(0, equals)).toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "true" : trimmed.substring(equals + 1);
            switch (name) {
                case "" -> {
                    // empty argument string or a stray comma
                }
                case "fastmath" -> fastmath = Boolean.parseBoolean(value);
                case "strict" -> {
                    // strict is a build-time promise; at load time a rejected loop simply stays scalar
                }
                case "simdwidth" -> simdBits = parseWidth(value);
                case "verbose" -> verbose = Boolean.parseBoolean(value);
                case "report" -> reportDirectory = Path.of(value);
                case "includejdk" -> includeJdk = Boolean.parseBoolean(value);
                default ->
                    throw new IllegalArgumentException("unknown stride-agent option '" + trimmed
                            + "'; known: fastmath, strict, simdWidth=auto|256|512, verbose, report=DIR, includeJdk");
            }
        }
        return new AgentOptions(fastmath, simdBits, verbose, reportDirectory, includeJdk);
    }

    private static int parseWidth(String value) {
        return switch (value) {
            case "auto" -> 0;
            case "256" -> 256;
            case "512" -> 512;
            default ->
                throw new IllegalArgumentException(
                        "stride-agent option simdWidth must be auto, 256 or 512, was '" + value + "'");
        };
    }

    /** The compiler options for load-time compilation: no originals are stored, the report says {@code load}. */
    CompilerOptions compilerOptions() {
        return new CompilerOptions(fastmath, false, simdBits, false, "load");
    }
}
