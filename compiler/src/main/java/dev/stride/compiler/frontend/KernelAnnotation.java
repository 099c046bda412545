package dev.stride.compiler.frontend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The Stride annotations on one method, read from the class file, merged into one set of options.
 *
 * @param jit whether {@code @Jit} is present
 * @param vectorize whether {@code @Vectorize} is present
 * @param parallel whether {@code @Parallel} is present
 * @param fastmath whether any present annotation enables fastmath
 * @param strict {@code @Jit(strict = true)}
 * @param simdBits {@code @Jit(width = ...)}: 0 for auto, 256 or 512
 * @param parallelThreshold {@code @Parallel(threshold = ...)}, 0 for the run-time default
 * @param alsoFor the element kinds of {@code @Jit(alsoFor = ...)}, as enum constant names
 * @param source the annotations as the user wrote them, for the report
 */
public record KernelAnnotation(
        boolean jit,
        boolean vectorize,
        boolean parallel,
        boolean fastmath,
        boolean strict,
        int simdBits,
        int parallelThreshold,
        List<String> alsoFor,
        String source) {

    static final String JIT = "Ldev/stride/Jit;";
    static final String VECTORIZE = "Ldev/stride/Vectorize;";
    static final String PARALLEL = "Ldev/stride/Parallel;";
    static final String REASSOCIATE = "Ldev/stride/Vectorize$Reassociate;";
    static final String SPECIALISATION = "Ldev/stride/runtime/specialise/Specialisation;";

    /**
     * Whether the method carries any Stride annotation.
     *
     * @param method a method of a class file
     * @return true for {@code @Jit}, {@code @Vectorize} or {@code @Parallel} methods
     */
    public static boolean isKernel(MethodNode method) {
        return of(method).isPresent();
    }

    /**
     * Whether the method is the loop behind the reduce forms of an associative {@code @Vectorize} function
     * ({@code @Vectorize.Reassociate}, generated code): its reductions may be reassociated without fastmath.
     *
     * @param method a method of a class file
     * @return true when the user's declaration of associativity covers the method's reductions
     */
    public static boolean reassociates(MethodNode method) {
        return method.invisibleAnnotations != null
                && method.invisibleAnnotations.stream().anyMatch(a -> a.desc.equals(REASSOCIATE));
    }

    /**
     * Reads the Stride annotations of a method.
     *
     * @param method a method of a class file
     * @return the merged options, or empty when the method has no Stride annotation
     */
    public static Optional<KernelAnnotation> of(MethodNode method) {
        List<AnnotationNode> all = new ArrayList<>();
        if (method.invisibleAnnotations != null) {
            all.addAll(method.invisibleAnnotations);
        }
        if (method.visibleAnnotations != null) {
            all.addAll(method.visibleAnnotations);
        }
        Builder builder = new Builder();
        for (AnnotationNode annotation : all) {
            builder.add(annotation);
        }
        return builder.build();
    }

    /** Accumulates the options of the annotations found. */
    private static final class Builder {
        boolean jit;
        boolean vectorize;
        boolean parallel;
        boolean fastmath;
        boolean strict;
        int simdBits;
        int threshold;
        final List<String> alsoFor = new ArrayList<>();
        final List<String> source = new ArrayList<>();

        void add(AnnotationNode annotation) {
            switch (annotation.desc) {
                case JIT -> jit = true;
                case VECTORIZE -> vectorize = true;
                case PARALLEL -> parallel = true;
                case SPECIALISATION -> {
                    source.add(specialisationLabel(annotation));
                    return;
                }
                default -> {
                    return;
                }
            }
            String simpleName =
                    annotation.desc.substring(annotation.desc.lastIndexOf('/') + 1, annotation.desc.length() - 1);
            List<String> written = new ArrayList<>();
            List<Object> values = annotation.values == null ? List.of() : annotation.values;
            for (int i = 0; i + 1 < values.size(); i += 2) {
                String name = (String) values.get(i);
                Object value = values.get(i + 1);
                written.add(name + " = " + render(value));
                option(name, value);
            }
            source.add("@" + simpleName + (written.isEmpty() ? "" : "(" + String.join(", ", written) + ")"));
        }

        private void option(String name, Object value) {
            switch (name) {
                case "fastmath" -> fastmath |= (Boolean) value;
                case "strict" -> strict = (Boolean) value;
                case "threshold" -> threshold = (Integer) value;
                case "width" -> simdBits = widthBits(((String[]) value)[1]);
                case "alsoFor" -> {
                    for (Object element : (List<?>) value) {
                        alsoFor.add(((String[]) element)[1]);
                    }
                }
                default -> {
                    // options without effect on compilation (e.g. @Vectorize(target)) are read by their own stages
                }
            }
        }

        /**
         * {@code specialisation of sum(double[]) for FLOAT (lines of Kernels.java)}, for the report of a generated
         * overload, whose code and line numbers come from the kernel's class.
         */
        private static String specialisationLabel(AnnotationNode annotation) {
            String method = "";
            String descriptor = "()V";
            String kind = "";
            String file = "";
            for (int i = 0; i + 1 < annotation.values.size(); i += 2) {
                Object value = annotation.values.get(i + 1);
                switch ((String) annotation.values.get(i)) {
                    case "method" -> method = (String) value;
                    case "descriptor" -> descriptor = (String) value;
                    case "kind" -> kind = (String) value;
                    case "owner" -> file = sourceFileOf(((Type) value).getInternalName());
                    default -> {
                        // no other values
                    }
                }
            }
            List<String> parameters = new ArrayList<>();
            for (Type parameter : Type.getArgumentTypes(descriptor)) {
                parameters.add(parameter.getClassName().replaceFirst("^java\\.lang\\.", ""));
            }
            return "specialisation of " + method + "(" + String.join(", ", parameters) + ") for " + kind
                    + (file.isEmpty() ? "" : " (lines of " + file + ")");
        }

        /** The source file javac names for a class: its outermost class's simple name. */
        private static String sourceFileOf(String internalName) {
            String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
            int nested = simple.indexOf('$');
            return (nested < 0 ? simple : simple.substring(0, nested)) + ".java";
        }

        private static int widthBits(String constant) {
            return switch (constant) {
                case "BITS_256" -> 256;
                case "BITS_512" -> 512;
                default -> 0;
            };
        }

        private static String render(Object value) {
            if (value instanceof String[] enumValue) {
                return enumValue[1];
            }
            if (value instanceof List<?> list) {
                List<String> parts = new ArrayList<>();
                for (Object element : list) {
                    parts.add(render(element));
                }
                return "{" + String.join(", ", parts) + "}";
            }
            return String.valueOf(value);
        }

        Optional<KernelAnnotation> build() {
            if (!jit && !vectorize && !parallel) {
                return Optional.empty();
            }
            return Optional.of(new KernelAnnotation(
                    jit,
                    vectorize,
                    parallel,
                    fastmath,
                    strict,
                    simdBits,
                    threshold,
                    List.copyOf(alsoFor),
                    String.join(" ", source)));
        }
    }
}
