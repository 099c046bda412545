package dev.stride.compiler.fuzz;

import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.Diagnostic;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.codegen.ClassVerification;
import dev.stride.compiler.fuzz.KernelResult.Status;
import dev.stride.compiler.report.LoopReport;
import dev.stride.compiler.report.LoopVerdict;
import dev.stride.compiler.report.MethodReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs kernels through the whole differential pipeline: javac in memory, {@link StrideCompiler} with default
 * options, the plain and the rewritten class in separate class loaders, then {@link KernelTrials} on each
 * kernel. Kernels go in batches (one class per batch, one javac and one Stride compilation for many kernels);
 * when a batch fails as a whole, each kernel is retried alone so the failure is attributed to one kernel.
 */
final class KernelRunner {
    private final InMemoryJavac javac = new InMemoryJavac();
    private final int trials;
    private int classes;

    /**
     * A runner.
     *
     * @param trials calls per kernel: lengths 0..49, then random longer arrays
     */
    KernelRunner(int trials) {
        this.trials = trials;
    }

    /**
     * Runs a batch.
     *
     * @param kernels kernels with distinct names
     * @param inputSeed the seed of the arguments
     * @return one result per kernel, in order
     */
    List<KernelResult> run(List<Kernel> kernels, long inputSeed) {
        String simpleName = "Fuzz" + classes++;
        String binaryName = KernelSource.PACKAGE + "." + simpleName;
        Map<String, byte[]> plain;
        try {
            plain = javac.compile(binaryName, KernelSource.render(simpleName, kernels));
        } catch (InMemoryJavac.CompilationFailed e) {
            return kernels.size() > 1
                    ? one(kernels, inputSeed)
                    : List.of(new KernelResult(kernels.getFirst(), Status.NOT_COMPILED, e.getMessage(), null));
        }
        ClassRewrite rewrite;
        Class<?> plainClass;
        Class<?> rewrittenClass;
        try {
            rewrite = new StrideCompiler(CompilerOptions.defaults()).compile(plain.get(binaryName));
            String problem = problem(rewrite);
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
            plainClass = MemoryLoader.load(binaryName, plain);
            rewrittenClass = MemoryLoader.load(binaryName, rewritten(binaryName, plain, rewrite));
        } catch (RuntimeException | LinkageError | ClassNotFoundException e) {
            return kernels.size() > 1
                    ? one(kernels, inputSeed)
                    : List.of(new KernelResult(
                            kernels.getFirst(), Status.FAILED, "unknown", "compilation: " + describe(e)));
        }
        List<KernelResult> results = new ArrayList<>();
        for (Kernel kernel : kernels) {
            String optimisation = optimisation(rewrite, kernel.name());
            String failure = new KernelTrials(kernel, plainClass, rewrittenClass, trials).run(inputSeed);
            results.add(
                    new KernelResult(kernel, failure == null ? Status.PASSED : Status.FAILED, optimisation, failure));
        }
        return results;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        StackTraceElement[] stack = e.getStackTrace();
        for (int k = 0; k < Math.min(4, stack.length); k++) {
            text.append("\n        at ").append(stack[k]);
        }
        return text.toString();
    }

    private List<KernelResult> one(List<Kernel> kernels, long inputSeed) {
        List<KernelResult> results = new ArrayList<>();
        for (Kernel kernel : kernels) {
            results.addAll(run(List.of(kernel), inputSeed));
        }
        return results;
    }

    private static String problem(ClassRewrite rewrite) {
        Optional<Diagnostic> error = rewrite.diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                .findFirst();
        if (error.isPresent()) {
            return "error diagnostic: " + error.get().format();
        }
        if (!rewrite.changed()) {
            return null;
        }
        String problem = ClassVerification.problem(rewrite.rewrittenClass());
        for (byte[] added : rewrite.addedClasses().values()) {
            problem = problem != null ? problem : ClassVerification.problem(added);
        }
        return problem == null ? null : "emitted class does not verify: " + problem;
    }

    private static Map<String, byte[]> rewritten(String binaryName, Map<String, byte[]> plain, ClassRewrite rewrite) {
        if (!rewrite.changed()) {
            return plain;
        }
        Map<String, byte[]> classes = new HashMap<>();
        classes.put(binaryName, rewrite.rewrittenClass());
        rewrite.addedClasses().forEach((name, bytes) -> classes.put(name.replace('/', '.'), bytes));
        return classes;
    }

    /** @return vectorized, outer-vectorized, or the first reason the kernel's loops were not */
    static String optimisation(ClassRewrite rewrite, String method) {
        List<LoopReport> loops = rewrite.report().methods().stream()
                .filter(m -> m.name().equals(method))
                .map(MethodReport::loops)
                .findFirst()
                .orElse(List.of());
        String why = loops.isEmpty() ? "NO_LOOP_REPORTED" : null;
        for (LoopReport loop : loops) {
            switch (loop.verdict()) {
                case LoopVerdict.Vectorized v -> {
                    return v.kind();
                }
                case LoopVerdict.Rejected r ->
                    why = why != null ? why : r.reason().name();
                case LoopVerdict.LeftToC2 c -> why = why != null ? why : "LEFT_TO_C2";
                case LoopVerdict.PartOfOuter p -> {}
                case LoopVerdict.Parallel p -> {
                    return p.kind();
                }
            }
        }
        return why == null ? "NOT_REPORTED" : why;
    }
}
