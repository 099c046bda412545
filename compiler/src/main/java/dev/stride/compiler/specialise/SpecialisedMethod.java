package dev.stride.compiler.specialise;

import java.util.ArrayList;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Finds a kernel in its class and makes its specialisation as a method with valid, expanded stack map frames, the
 * form every later stage (the vectorising pipeline, class writers) expects. Both the run-time path ({@link
 * RuntimeSpecialiser}) and the build-time path ({@link OverloadExpansion}) start here, so they compile the same
 * code.
 */
public final class SpecialisedMethod {
    private SpecialisedMethod() {}

    /**
     * Specialises a kernel.
     *
     * @param owner the kernel's class, as the user compiled it
     * @param name the kernel's name
     * @param descriptor the kernel's descriptor
     * @param substitution the substitution to make
     * @return the specialised method, {@code public static}, with the kernel's annotations
     * @throws SpecialisationException when the kernel is missing or cannot be specialised
     */
    public static MethodNode make(ClassNode owner, String name, String descriptor, Substitution substitution) {
        MethodNode kernel = owner.methods.stream()
                .filter(m -> m.name.equals(name) && m.desc.equals(descriptor))
                .findFirst()
                .orElseThrow(() -> new SpecialisationException("the kernel " + owner.name.replace('/', '.') + "." + name
                        + descriptor + " is not in its class file (recompile the class)"));
        if ((kernel.access & Opcodes.ACC_STATIC) == 0) {
            throw new SpecialisationException(name + " is not static");
        }
        MethodNode substituted;
        try {
            substituted = new ElementTypeSubstitution(substitution).apply(owner.name, kernel);
        } catch (SpecialisationException e) {
            throw new SpecialisationException(name + ": " + e.getMessage(), sourceFile(owner), e.line());
        }
        substituted.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC;
        return withFrames(owner, substituted);
    }

    /**
     * The annotations of the kernel that the pipeline reads ({@code @Jit} and the others), copied.
     *
     * @param kernel the kernel
     * @return a copy of its invisible annotations
     */
    static ArrayList<AnnotationNode> annotationsOf(MethodNode kernel) {
        return kernel.invisibleAnnotations == null ? new ArrayList<>() : new ArrayList<>(kernel.invisibleAnnotations);
    }

    /** Writes the method alone into a scratch class with computed frames and reads it back with frames expanded. */
    private static MethodNode withFrames(ClassNode owner, MethodNode method) {
        ClassNode scratch = new ClassNode();
        scratch.version = owner.version;
        scratch.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER;
        scratch.name = owner.name + "$StrideScratch";
        scratch.superName = "java/lang/Object";
        scratch.methods.add(method);
        ClassWriter writer = new FrameComputingWriter();
        scratch.accept(writer);
        ClassNode read = new ClassNode();
        new ClassReader(writer.toByteArray()).accept(read, ClassReader.EXPAND_FRAMES);
        return read.methods.getFirst();
    }

    private static String sourceFile(ClassNode owner) {
        return owner.sourceFile != null ? owner.sourceFile : owner.name.replace('/', '.');
    }

    /**
     * A class writer computing frames without loading classes: kernels merge references only of one type (arrays of
     * the same type, the same object), so the common superclass of two different types is taken as {@code Object}.
     */
    static final class FrameComputingWriter extends ClassWriter {
        FrameComputingWriter() {
            super(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        }

        @Override
        protected String getCommonSuperClass(String type1, String type2) {
            return "java/lang/Object";
        }
    }
}
