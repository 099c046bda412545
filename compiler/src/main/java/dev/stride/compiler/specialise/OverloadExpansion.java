package dev.stride.compiler.specialise;

import dev.stride.compiler.ClassLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The build-time path: in a generated {@code <Owner>Overloads} class, replaces the body of every overload marked
 * {@code @Specialisation} (which would compile the specialisation at run time) by the specialised code itself, and
 * gives it the kernel's {@code @Jit} annotation so the normal pipeline then vectorises it. After this the class
 * makes no run-time compilation; the lazy handle holders it contains are never initialised.
 */
public final class OverloadExpansion {
    /** Descriptor of the marker annotation the processor writes on generated overloads. */
    public static final String MARKER = "Ldev/stride/runtime/specialise/Specialisation;";

    private OverloadExpansion() {}

    /**
     * Whether a class has overloads to expand.
     *
     * @param node a class
     * @return true when some method carries {@code @Specialisation}
     */
    public static boolean hasOverloads(ClassNode node) {
        return node.methods.stream().anyMatch(m -> marker(m).isPresent());
    }

    /**
     * Expands the overloads of a class in place.
     *
     * @param node the class (modified)
     * @param library where the kernels' classes are read from (stored originals first)
     * @return the expanded overloads, as {@code name descriptor}
     * @throws SpecialisationException when a kernel cannot be found or specialised
     */
    public static List<String> expand(ClassNode node, ClassLibrary library) {
        List<String> expanded = new ArrayList<>();
        for (MethodNode overload : node.methods) {
            Optional<AnnotationNode> marker = marker(overload);
            if (marker.isPresent()) {
                expandOne(overload, marker.get(), library);
                expanded.add(overload.name + overload.desc);
            }
        }
        return expanded;
    }

    private static void expandOne(MethodNode overload, AnnotationNode marker, ClassLibrary library) {
        String owner = ((Type) value(marker, "owner")).getInternalName();
        String method = (String) value(marker, "method");
        String descriptor = (String) value(marker, "descriptor");
        String kind = (String) value(marker, "kind");
        Substitution substitution = Substitution.toKind(kind)
                .orElseThrow(() -> new SpecialisationException("Stride does not specialise to " + kind));
        byte[] ownerBytes = library.classFile(owner)
                .orElseThrow(() -> new SpecialisationException("the class " + owner.replace('/', '.')
                        + " of the kernel " + method + " is not on the class path given to Stride"));
        ClassNode ownerNode = new ClassNode();
        new ClassReader(ownerBytes).accept(ownerNode, ClassReader.EXPAND_FRAMES);
        MethodNode specialised = SpecialisedMethod.make(ownerNode, method, descriptor, substitution);
        if (!specialised.desc.equals(overload.desc)) {
            throw new SpecialisationException("the overload " + overload.name + overload.desc
                    + " does not match the specialisation " + specialised.desc + " (regenerate the overloads)");
        }
        overload.instructions = specialised.instructions;
        overload.tryCatchBlocks = specialised.tryCatchBlocks;
        overload.localVariables = specialised.localVariables;
        overload.maxLocals = specialised.maxLocals;
        overload.maxStack = specialised.maxStack;
        List<AnnotationNode> annotations = new ArrayList<>();
        ownerNode.methods.stream()
                .filter(m -> m.name.equals(method) && m.desc.equals(descriptor))
                .findFirst()
                .ifPresent(kernel -> annotations.addAll(SpecialisedMethod.annotationsOf(kernel)));
        annotations.add(marker);
        overload.invisibleAnnotations = annotations;
    }

    private static Optional<AnnotationNode> marker(MethodNode method) {
        if (method.invisibleAnnotations == null) {
            return Optional.empty();
        }
        return method.invisibleAnnotations.stream()
                .filter(a -> a.desc.equals(MARKER))
                .findFirst();
    }

    private static Object value(AnnotationNode annotation, String name) {
        for (int i = 0; i + 1 < annotation.values.size(); i += 2) {
            if (annotation.values.get(i).equals(name)) {
                return annotation.values.get(i + 1);
            }
        }
        throw new SpecialisationException("@Specialisation without " + name + " (regenerate the overloads)");
    }
}
