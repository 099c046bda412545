package dev.stride.compiler.transform;

import dev.stride.compiler.ClassLibrary;
import dev.stride.compiler.analysis.MathCalls;
import dev.stride.compiler.frontend.BytecodeCheck;
import dev.stride.compiler.ir.Expr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Finds the bytecode of a function a kernel calls, for inlining: a static method of the class being compiled, or
 * a static {@code @Vectorize}/{@code @Jit} function of another class, read through the {@link ClassLibrary}
 * (stored originals first, so an earlier rewrite of that class is never inlined).
 *
 * <p>Calls that are not candidates at all ({@code Math}, instance methods, unannotated methods of other classes)
 * resolve to {@link Resolution.NotCandidate}: the loop analysis reports them as calls. A candidate that cannot be
 * read resolves to {@link Resolution.Missing} with the reason, which the loop's rejection then quotes.
 */
final class CalleeResolver {
    private static final List<String> STRIDE_FUNCTIONS = List.of("Ldev/stride/Vectorize;", "Ldev/stride/Jit;");

    private final ClassNode owner;
    private final ClassLibrary library;
    private final Map<String, Optional<ClassNode>> classes = new HashMap<>();

    CalleeResolver(ClassNode owner, ClassLibrary library) {
        this.owner = owner;
        this.library = library;
    }

    /** What a call resolves to. */
    sealed interface Resolution {
        /**
         * A method whose code may be inlined.
         *
         * @param owner the internal name of its class
         * @param method its method node (read with expanded frames)
         */
        record Found(String owner, MethodNode method) implements Resolution {}

        /** A call that is not an inlining candidate. */
        record NotCandidate() implements Resolution {}

        /**
         * A candidate whose code was not found.
         *
         * @param reason why, in words
         */
        record Missing(String reason) implements Resolution {}
    }

    /**
     * Resolves one call.
     *
     * @param call a call expression
     * @return the callee, or why there is none
     */
    Resolution resolve(Expr.Call call) {
        if (!call.isStatic() || MathCalls.isMath(call)) {
            return new Resolution.NotCandidate();
        }
        boolean sameClass = call.owner().equals(owner.name);
        Optional<ClassNode> declaring = sameClass ? Optional.of(owner) : classNode(call.owner());
        if (declaring.isEmpty()) {
            return sameClass
                    ? new Resolution.NotCandidate()
                    : new Resolution.Missing("class " + call.owner().replace('/', '.') + " was not found on the"
                            + " compiler's class path, so its functions cannot be inlined");
        }
        for (MethodNode method : declaring.get().methods) {
            if (method.name.equals(call.name()) && method.desc.equals(call.descriptor())) {
                return candidate(sameClass, declaring.get().name, method);
            }
        }
        return sameClass
                ? new Resolution.NotCandidate()
                : new Resolution.Missing(call.owner().replace('/', '.') + "." + call.name() + call.descriptor()
                        + " is not in the class file found for it (a stale build?)");
    }

    private static Resolution candidate(boolean sameClass, String declaring, MethodNode method) {
        boolean usable = (method.access & Opcodes.ACC_STATIC) != 0
                && method.instructions.size() > 0
                && method.tryCatchBlocks.isEmpty()
                && BytecodeCheck.check(declaring, method).isEmpty();
        if (!usable) {
            return new Resolution.NotCandidate();
        }
        if (!sameClass && !isStrideFunction(method)) {
            return new Resolution.NotCandidate();
        }
        return new Resolution.Found(declaring, method);
    }

    /**
     * Whether a method carries {@code @Vectorize} or {@code @Jit} (class-retention annotations).
     *
     * @param method a method node
     * @return true for Stride functions
     */
    static boolean isStrideFunction(MethodNode method) {
        List<AnnotationNode> annotations = method.invisibleAnnotations;
        return annotations != null && annotations.stream().anyMatch(a -> STRIDE_FUNCTIONS.contains(a.desc));
    }

    private Optional<ClassNode> classNode(String internalName) {
        return classes.computeIfAbsent(
                internalName, name -> library.classFile(name).flatMap(CalleeResolver::parse));
    }

    /** A class file of the library that ASM cannot parse counts as not found: its functions stay calls. */
    private static Optional<ClassNode> parse(byte[] bytes) {
        try {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.EXPAND_FRAMES);
            return Optional.of(node);
        } catch (RuntimeException damaged) {
            return Optional.empty();
        }
    }
}
