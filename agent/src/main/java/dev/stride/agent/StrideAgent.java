package dev.stride.agent;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * The {@code -javaagent:stride-agent.jar[=options]} entry point: rewrites Stride-annotated classes when they load,
 * for programs built without the Maven plugin. See {@link AgentOptions} for the options and {@link
 * AddedClassDefiner} for how holder classes are defined.
 */
public final class StrideAgent {
    private StrideAgent() {}

    /**
     * Called by the JVM before {@code main} for {@code -javaagent}.
     *
     * @param arguments the agent options, or null
     * @param instrumentation the JVM's instrumentation
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        install(arguments, instrumentation);
    }

    /**
     * Called when the agent is attached to a running JVM; only classes loaded afterwards are rewritten.
     *
     * @param arguments the agent options, or null
     * @param instrumentation the JVM's instrumentation
     */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        install(arguments, instrumentation);
    }

    private static void install(String arguments, Instrumentation instrumentation) {
        AgentOptions options = AgentOptions.parse(arguments);
        AgentLog log = new AgentLog(System.err, options.verbose());
        openJavaLang(instrumentation);
        KernelCompiler compiler = KernelCompiler.stride(options.compilerOptions());
        StrideTransformer transformer = new StrideTransformer(options, compiler, AddedClassDefiner.create(), log);
        warmUp(compiler);
        instrumentation.addTransformer(transformer, false);
        log.info("installed (" + options + ")");
    }

    /** Opens {@code java.lang} to the agent so {@link AddedClassDefiner} may call {@code ClassLoader#defineClass}. */
    private static void openJavaLang(Instrumentation instrumentation) {
        Module javaBase = Object.class.getModule();
        Module agent = StrideAgent.class.getModule();
        instrumentation.redefineModule(
                javaBase, Set.of(), Map.of(), Map.of("java.lang", Set.of(agent)), Set.of(), Map.of());
    }

    /**
     * Loads the compiler's classes now, before the transformer is installed, so the first annotated class does not
     * pay for it inside a transform (where classes the compiler loads would be offered to the transformer).
     */
    private static void warmUp(KernelCompiler compiler) {
        try (var in = StrideAgent.class.getResourceAsStream("StrideAgent.class")) {
            if (in != null) {
                compiler.hasStrideAnnotations(in.readAllBytes());
            }
        } catch (java.io.IOException | RuntimeException e) {
            // warming up is an optimisation; the first transform loads what is missing
        }
    }
}
