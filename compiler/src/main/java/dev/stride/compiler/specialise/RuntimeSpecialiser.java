package dev.stride.compiler.specialise;

import dev.stride.compiler.ClassLibrary;
import dev.stride.compiler.ClassRewrite;
import dev.stride.compiler.CompilerOptions;
import dev.stride.compiler.StrideCompiler;
import dev.stride.compiler.codegen.ClassVerification;
import dev.stride.compiler.codegen.HolderClassEmitter;
import dev.stride.runtime.specialise.SpecialisationCompiler;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The run-time path: makes a specialisation on its first call, for {@code Specialisations} in the runtime module
 * (registered as a {@link java.util.ServiceLoader} provider of {@link SpecialisationCompiler}).
 *
 * <p>It reads the kernel's class file through the kernel's class loader (the stored original when the class was
 * rewritten), specialises the kernel into a fresh class {@code <Owner>$<kernel>$<KIND>$<hash of the descriptor>}
 * holding only that method, and, when asked, runs the vectorising compiler on it. The SIMD holder that compilation
 * emits is merged into the same class, which is only produced when the Vector API is known to be present (what the
 * separate holder protects against at build time), so one class is defined per specialisation.
 */
public final class RuntimeSpecialiser implements SpecialisationCompiler {

    /** Public no-argument constructor, for {@link java.util.ServiceLoader}. */
    public RuntimeSpecialiser() {}

    @Override
    public SpecialisedClass compile(Class<?> owner, String method, String descriptor, String kind, boolean vectorise) {
        Substitution substitution = Substitution.toKind(kind)
                .orElseThrow(() -> new IllegalStateException("Stride does not specialise to " + kind));
        ClassLibrary library = ClassLibrary.of(owner.getClassLoader());
        String ownerName = owner.getName().replace('.', '/');
        byte[] ownerBytes = library.classFile(ownerName)
                .orElseThrow(() -> new IllegalStateException(
                        "the class file of " + owner.getName() + " cannot be read through its class loader"));
        ClassNode ownerNode = new ClassNode();
        new ClassReader(ownerBytes).accept(ownerNode, ClassReader.EXPAND_FRAMES);
        MethodNode specialised;
        try {
            specialised = SpecialisedMethod.make(ownerNode, method, descriptor, substitution);
        } catch (SpecialisationException e) {
            throw new IllegalStateException(e.located(), e);
        }
        String className = className(ownerName, method, descriptor, kind);
        byte[] plain = standalone(ownerNode, className, specialised);
        byte[] classFile = vectorise ? vectorised(plain, className, library) : plain;
        String problem = ClassVerification.problem(classFile);
        if (problem != null) {
            throw new IllegalStateException("internal error: Stride generated an invalid class (" + problem + ")");
        }
        return new SpecialisedClass(classFile, method, specialised.desc);
    }

    /**
     * The name of a specialisation's class: unique per kernel (overloaded kernels differ in the descriptor's hash) and
     * kind, so each is defined once in the kernel's loader.
     *
     * @param owner the kernel class's internal name
     * @param method the kernel's name
     * @param descriptor the kernel's descriptor
     * @param kind the element kind
     * @return an internal name in the owner's package
     */
    public static String className(String owner, String method, String descriptor, String kind) {
        return owner + "$" + method + "$" + kind + "$" + Integer.toHexString(descriptor.hashCode());
    }

    /** A class holding only the specialised method, in the owner's package and source file. */
    static byte[] standalone(ClassNode owner, String className, MethodNode specialised) {
        ClassNode node = new ClassNode();
        node.version = owner.version;
        node.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC;
        node.name = className;
        node.superName = "java/lang/Object";
        node.sourceFile = owner.sourceFile;
        node.methods.add(specialised);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }

    private static byte[] vectorised(byte[] plain, String className, ClassLibrary library) {
        CompilerOptions options = new CompilerOptions(false, false, 0, false, "run");
        ClassRewrite rewrite = new StrideCompiler(options).compile(plain, library);
        if (!rewrite.changed()) {
            return plain;
        }
        String holderName = className + HolderClassEmitter.SUFFIX;
        for (String added : rewrite.addedClasses().keySet()) {
            if (!added.equals(holderName)) {
                throw new IllegalStateException("internal error: unexpected generated class " + added);
            }
        }
        Map<String, String> mapping = Map.of(holderName, className);
        ClassNode merged = remapped(rewrite.rewrittenClass(), mapping);
        byte[] holder = rewrite.addedClasses().get(holderName);
        if (holder != null) {
            ClassNode holderNode = remapped(holder, mapping);
            merged.fields.addAll(holderNode.fields);
            merged.methods.addAll(holderNode.methods);
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        merged.accept(writer);
        return writer.toByteArray();
    }

    private static ClassNode remapped(byte[] classFile, Map<String, String> mapping) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(new ClassRemapper(node, new SimpleRemapper(Opcodes.ASM9, mapping)), 0);
        return node;
    }
}
