package dev.stride.compiler.report;

import java.util.List;

/**
 * Everything the compiler deduced and decided for one annotated method.
 *
 * @param name the method name
 * @param descriptor the JVM method descriptor
 * @param line the first source line of the method body
 * @param annotation the Stride annotation and its options as written, e.g. {@code @Jit(fastmath = true)}
 * @param variables parameters and locals with their deduced types
 * @param warnings type warnings such as silent widening, each with its line
 * @param loops every loop with its verdict, in source order
 * @param timings time per compiler pass
 * @param compiledAt {@code build} (Maven plugin), {@code load} (agent) or {@code inspect} (report only)
 */
public record MethodReport(
        String name,
        String descriptor,
        int line,
        String annotation,
        List<VariableReport> variables,
        List<String> warnings,
        List<LoopReport> loops,
        List<PassTiming> timings,
        String compiledAt) {}
