package dev.stride.compiler.processor;

import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Generates the {@code <Owner>Overloads} class of every class with {@code @Jit(alsoFor = ...)} kernels, after
 * checking each kernel's body with {@link SpecialisationRules}. A class whose kernels have errors gets no overloads
 * class (the errors already fail the build). Two overloads with the same parameter types are an error on the second
 * kernel, since the generated class could not declare both.
 */
final class OverloadsGenerator {
    private final ProcessingEnvironment environment;
    private final SpecialisationRules rules;

    OverloadsGenerator(ProcessingEnvironment environment) {
        this.environment = environment;
        this.rules = new SpecialisationRules(trees(environment));
    }

    void generate(RoundEnvironment round, TypeElement jit) {
        Map<TypeElement, List<OverloadsSource.Overload>> byOwner = new LinkedHashMap<>();
        Set<TypeElement> failed = new HashSet<>();
        for (Element element : round.getElementsAnnotatedWith(jit)) {
            if (!(element instanceof ExecutableElement kernel)) {
                continue;
            }
            List<String> kinds = alsoFor(kernel);
            if (kinds.isEmpty()) {
                continue;
            }
            TypeElement owner = (TypeElement) kernel.getEnclosingElement();
            List<OverloadsSource.Overload> overloads = byOwner.computeIfAbsent(owner, o -> new ArrayList<>());
            overloads.add(new OverloadsSource.Overload(kernel, null, null));
            for (String kind : kinds) {
                TypeKind from = sourceType(kind);
                if (from == null || !usesType(kernel, from) || !accepted(kernel, from, kind)) {
                    failed.add(owner);
                } else {
                    overloads.add(new OverloadsSource.Overload(kernel, from, kind));
                }
            }
        }
        byOwner.forEach((owner, overloads) -> {
            if (!failed.contains(owner) && distinct(overloads)) {
                write(owner, overloads);
            }
        });
    }

    private boolean accepted(ExecutableElement kernel, TypeKind from, String kind) {
        if (!kernel.getModifiers().contains(Modifier.STATIC)
                || kernel.getModifiers().contains(Modifier.ABSTRACT)) {
            return false; // KernelRules reports it; generated delegates would only add errors
        }
        boolean ok = true;
        if (kernel.getModifiers().contains(Modifier.PRIVATE)) {
            error(
                    kernel,
                    "@Jit(alsoFor = " + kind + ") needs a kernel the generated overloads class can call; "
                            + kernel.getSimpleName() + " is private");
            ok = false;
        }
        if (!kernel.getTypeParameters().isEmpty()) {
            error(kernel, "@Jit(alsoFor = " + kind + ") does not specialise generic methods");
            ok = false;
        }
        return rules.check(kernel, from, kind) && ok;
    }

    /** Reports overloads that would have the same erased parameter types; true when there are none. */
    private boolean distinct(List<OverloadsSource.Overload> overloads) {
        Set<String> signatures = new HashSet<>();
        boolean ok = true;
        for (OverloadsSource.Overload overload : overloads) {
            String signature = overload.kernel().getSimpleName() + signature(overload);
            if (!signatures.add(signature)) {
                error(
                        overload.kernel(),
                        "the " + (overload.kind() == null ? "original" : overload.kind()) + " overload " + signature
                                + " would clash with another generated overload");
                ok = false;
            }
        }
        return ok;
    }

    private String signature(OverloadsSource.Overload overload) {
        List<String> parameters = new ArrayList<>();
        for (VariableElement parameter : overload.kernel().getParameters()) {
            String type = environment.getTypeUtils().erasure(parameter.asType()).toString();
            if (overload.kind() != null && SpecialisationRules.mentions(parameter.asType(), overload.from())) {
                type = type.replace(
                        overload.from().name().toLowerCase(java.util.Locale.ROOT),
                        overload.kind().toLowerCase(java.util.Locale.ROOT));
            }
            parameters.add(type);
        }
        return "(" + String.join(", ", parameters) + ")";
    }

    private void write(TypeElement owner, List<OverloadsSource.Overload> overloads) {
        String packageName = environment
                .getElementUtils()
                .getPackageOf(owner)
                .getQualifiedName()
                .toString();
        String simpleName = OverloadsSource.simpleName(environment.getElementUtils(), owner);
        String name = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
        String source =
                new OverloadsSource(environment.getElementUtils(), environment.getTypeUtils(), owner).write(overloads);
        try {
            JavaFileObject file = environment.getFiler().createSourceFile(name, owner);
            try (Writer writer = file.openWriter()) {
                writer.write(source);
            }
        } catch (IOException e) {
            error(owner, "cannot write " + name + ": " + e.getMessage());
        }
    }

    /** The {@code alsoFor} constants of the kernel's {@code @Jit}, e.g. {@code FLOAT}. */
    static List<String> alsoFor(ExecutableElement method) {
        List<String> kinds = new ArrayList<>();
        for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
            if (!mirror.getAnnotationType().toString().equals("dev.stride.Jit")) {
                continue;
            }
            mirror.getElementValues().forEach((key, value) -> {
                if (key.getSimpleName().contentEquals("alsoFor")) {
                    for (Object entry : (List<?>) value.getValue()) {
                        String constant = entry.toString();
                        kinds.add(constant.substring(constant.lastIndexOf('.') + 1));
                    }
                }
            });
        }
        return kinds;
    }

    /** The type a kind replaces: {@code DOUBLE} for {@code FLOAT}, {@code LONG} for {@code INT}, else null. */
    static TypeKind sourceType(String kind) {
        return switch (kind) {
            case "FLOAT" -> TypeKind.DOUBLE;
            case "INT" -> TypeKind.LONG;
            default -> null;
        };
    }

    private static boolean usesType(ExecutableElement kernel, TypeKind from) {
        for (VariableElement parameter : kernel.getParameters()) {
            if (SpecialisationRules.mentions(parameter.asType(), from)) {
                return true;
            }
        }
        return false;
    }

    private void error(Element element, String message) {
        environment.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
    }

    /** The compiler's trees, or null outside javac (then bodies are checked when the specialisation is made). */
    private static Trees trees(ProcessingEnvironment environment) {
        try {
            return Trees.instance(environment);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
