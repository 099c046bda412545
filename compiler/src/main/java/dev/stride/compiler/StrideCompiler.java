package dev.stride.compiler;

import dev.stride.compiler.frontend.KernelAnnotation;
import dev.stride.compiler.report.ClassReport;
import dev.stride.compiler.specialise.OverloadExpansion;
import dev.stride.compiler.specialise.SpecialisationException;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * The compiler's entry point: one class file in, its rewrite and report out. Front ends (the Maven plugin, the
 * agent, {@code --inspect}, tests) all call this class and nothing deeper.
 */
public final class StrideCompiler {

    /** Marker annotation descriptor added to every rewritten class (run-time visible, for {@code Stride.status}). */
    public static final String COMPILED_MARKER = "Ldev/stride/runtime/StrideCompiled;";

    private final CompilerOptions options;

    /**
     * A compiler with the given build-wide options.
     *
     * @param options defaults that annotations may override
     */
    public StrideCompiler(CompilerOptions options) {
        this.options = options;
    }

    /**
     * Whether a class file carries Stride annotations and so is worth compiling. Cheap: it does not build IR.
     *
     * @param classFile the bytes of a class file
     * @return true when some method is annotated with {@code @Jit}, {@code @Vectorize} or {@code @Parallel}, or is
     *     a generated specialisation overload to expand
     */
    public static boolean hasStrideAnnotations(byte[] classFile) {
        ClassNode node = ClassModelReader.read(classFile);
        return node.methods.stream().anyMatch(KernelAnnotation::isKernel) || OverloadExpansion.hasOverloads(node);
    }

    /**
     * Compiles one class. Never throws for bad user code: problems come back as diagnostics, and a class that
     * cannot be rewritten safely comes back unchanged.
     *
     * @param classFile the bytes of the class file
     * @return the rewrite (possibly unchanged) and the report
     * @throws InvalidClassFileException when the bytes are not a readable class file
     */
    public ClassRewrite compile(byte[] classFile) {
        return compile(classFile, ClassLibrary.none());
    }

    /**
     * Compiles one class, reading the other classes it needs (functions it calls, kernels it specialises) from a
     * library.
     *
     * @param classFile the bytes of the class file
     * @param library where other classes are found
     * @return the rewrite (possibly unchanged) and the report
     * @throws InvalidClassFileException when the bytes are not a readable class file
     */
    public ClassRewrite compile(byte[] classFile, ClassLibrary library) {
        ClassNode classNode = ClassModelReader.readChecked(classFile);
        boolean specialised = false;
        if (OverloadExpansion.hasOverloads(classNode) && !ClassCompilation.isCompiled(classNode)) {
            try {
                specialised = !OverloadExpansion.expand(classNode, library).isEmpty();
            } catch (SpecialisationException e) {
                String file = classNode.sourceFile != null ? classNode.sourceFile : classNode.name;
                String where = e.sourceFile() != null ? e.sourceFile() : file;
                Diagnostic error = new Diagnostic(Diagnostic.Severity.ERROR, where, e.line(), e.getMessage());
                ClassNode untouched = ClassModelReader.read(classFile);
                return unchanged(
                        untouched, new ClassReport(untouched.name.replace('/', '.'), file, List.of()), List.of(error));
            }
        }
        return new ClassCompilation(options, classNode, classFile, library, specialised).run();
    }

    /** Parses class files with frames expanded, as every later stage expects. */
    static final class ClassModelReader {
        private ClassModelReader() {}

        /**
         * Parses a class file for compilation, first checking its structure with ASM's {@link CheckClassAdapter}
         * (descriptors, names, constant operands, local variable tables, label order) and by writing it back with
         * ASM, so that a damaged file is refused here with the reason rather than failing in a later pass.
         */
        static ClassNode readChecked(byte[] classFile) {
            try {
                // one pass checks the structure and writes it back: a class ASM cannot write back unchanged (e.g. an
                // attribute whose name is not a string) cannot be rewritten either
                ClassWriter roundTrip = new ClassWriter(0);
                new ClassReader(classFile).accept(new CheckClassAdapter(roundTrip, false), 0);
                roundTrip.toByteArray();
            } catch (RuntimeException | StackOverflowError e) {
                throw new InvalidClassFileException("not a valid class file: " + e, e);
            }
            return read(classFile);
        }

        static ClassNode read(byte[] classFile) {
            try {
                ClassNode node = new ClassNode();
                new ClassReader(classFile).accept(node, ClassReader.EXPAND_FRAMES);
                return node;
            } catch (RuntimeException e) {
                throw new InvalidClassFileException("not a readable class file: " + e, e);
            }
        }
    }

    static ClassRewrite unchanged(ClassNode classNode, ClassReport report, List<Diagnostic> diagnostics) {
        return new ClassRewrite(classNode.name, null, Map.of(), Map.of(), report, diagnostics);
    }
}
