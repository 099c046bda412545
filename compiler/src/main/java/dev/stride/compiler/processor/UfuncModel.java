package dev.stride.compiler.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.tools.Diagnostic;

/**
 * One {@code @Vectorize} function as the companion generator sees it: its name, parameter names and primitive
 * types, result type and annotation options, read from a source element and validated for what the companion
 * needs (the function is callable from the same package; {@code associative} functions are binary over one type;
 * the {@code identity} parses as that type).
 *
 * @param name the function's name
 * @param parameterNames the parameter names, used as the array forms' parameter names
 * @param parameterTypes the parameter types
 * @param resultType the result type
 * @param fastmath {@code @Vectorize(fastmath)}
 * @param associative {@code @Vectorize(associative)}
 * @param identity the identity as a Java expression of the result type, empty when none was given
 * @param parallel whether {@code target = PARALLEL}
 */
record UfuncModel(
        String name,
        List<String> parameterNames,
        List<TypeKind> parameterTypes,
        TypeKind resultType,
        boolean fastmath,
        boolean associative,
        Optional<String> identity,
        boolean parallel) {

    /** @return the number of parameters */
    int arity() {
        return parameterTypes.size();
    }

    /**
     * Reads and validates a function; reports each broken rule on the element.
     *
     * @param method the {@code @Vectorize} method (its signature already checked by {@link KernelRules})
     * @param messager where errors go
     * @return the model, or empty when a rule is broken
     */
    static Optional<UfuncModel> of(ExecutableElement method, Messager messager) {
        Map<String, Object> options = options(method);
        String name = method.getSimpleName().toString();
        List<String> names = new ArrayList<>();
        List<TypeKind> types = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            names.add(parameter.getSimpleName().toString());
            types.add(parameter.asType().getKind());
        }
        TypeKind result = method.getReturnType().getKind();
        boolean associative = Boolean.TRUE.equals(options.get("associative"));
        String identityText = (String) options.getOrDefault("identity", "");
        boolean valid = true;
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            messager.printMessage(
                    Diagnostic.Kind.ERROR,
                    "@Vectorize function " + name + " must not be private: its array forms in the companion class"
                            + " call it",
                    method);
            valid = false;
        }
        if (associative && (types.size() != 2 || types.get(0) != result || types.get(1) != result)) {
            messager.printMessage(
                    Diagnostic.Kind.ERROR,
                    "@Vectorize(associative = true) needs a binary function whose parameters and result have one"
                            + " type; " + name + " is " + signature(types, result),
                    method);
            valid = false;
        }
        if (!identityText.isEmpty() && !associative) {
            messager.printMessage(
                    Diagnostic.Kind.ERROR,
                    "@Vectorize(identity = \"" + identityText + "\") is used only by associative functions (the"
                            + " reduce forms); " + name + " is not declared associative",
                    method);
            valid = false;
        }
        Optional<String> identity = Optional.empty();
        if (!identityText.isEmpty() && valid) {
            identity = IdentityLiteral.parse(identityText, result);
            if (identity.isEmpty()) {
                messager.printMessage(
                        Diagnostic.Kind.ERROR,
                        "@Vectorize(identity = \"" + identityText + "\") is not a " + javaName(result) + " value"
                                + " (the result type of " + name + ")",
                        method);
                valid = false;
            }
        }
        boolean parallel = String.valueOf(options.get("target")).endsWith("PARALLEL");
        boolean fastmath = Boolean.TRUE.equals(options.get("fastmath"));
        return valid
                ? Optional.of(new UfuncModel(
                        name,
                        List.copyOf(names),
                        List.copyOf(types),
                        result,
                        fastmath,
                        associative,
                        identity,
                        parallel))
                : Optional.empty();
    }

    private static Map<String, Object> options(ExecutableElement method) {
        Map<String, Object> options = new java.util.HashMap<>();
        for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
            if (mirror.getAnnotationType().toString().equals("dev.stride.Vectorize")) {
                for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                        mirror.getElementValues().entrySet()) {
                    options.put(
                            entry.getKey().getSimpleName().toString(),
                            entry.getValue().getValue());
                }
            }
        }
        return options;
    }

    private static String signature(List<TypeKind> types, TypeKind result) {
        return "(" + String.join(", ", types.stream().map(UfuncModel::javaName).toList()) + ") -> " + javaName(result);
    }

    /**
     * The Java keyword of a primitive type.
     *
     * @param kind a primitive type kind
     * @return e.g. {@code double}
     */
    static String javaName(TypeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
