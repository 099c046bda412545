package dev.stride.compiler.processor;

import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * The rules the annotation javadoc promises, checked on source elements:
 *
 * <ul>
 *   <li>{@code @Jit}, {@code @Parallel}, {@code @Vectorize}: the method is {@code static}, not {@code abstract}, not
 *       {@code native}, and has a body;
 *   <li>{@code @Vectorize}: 1 to 4 parameters, all primitive, and a primitive result;
 *   <li>{@code @Jit(alsoFor = ...)}: only {@code FLOAT} for methods over {@code double}, {@code INT} for methods over
 *       {@code long}; other substitutions change the meaning of division and {@code Math} calls.
 * </ul>
 */
final class KernelRules {
    private final Messager messager;

    KernelRules(Messager messager) {
        this.messager = messager;
    }

    void check(Element element, String annotation) {
        if (element.getKind() != ElementKind.METHOD) {
            return;
        }
        ExecutableElement method = (ExecutableElement) element;
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            error(
                    method,
                    "@" + annotation + " methods must be static: Stride compiles static methods only ("
                            + method.getSimpleName() + " is an instance method)");
        }
        if (method.getModifiers().contains(Modifier.ABSTRACT)
                || method.getModifiers().contains(Modifier.NATIVE)) {
            error(method, "@" + annotation + " needs a method with a body to compile");
        }
        if (annotation.equals("Vectorize")) {
            vectorize(method);
        }
        if (annotation.equals("Jit")) {
            alsoFor(method);
        }
    }

    private void vectorize(ExecutableElement method) {
        List<? extends VariableElement> parameters = method.getParameters();
        if (parameters.isEmpty() || parameters.size() > 4) {
            error(
                    method,
                    "@Vectorize functions take 1 to 4 parameters, " + method.getSimpleName() + " takes "
                            + parameters.size());
        }
        for (VariableElement parameter : parameters) {
            if (!parameter.asType().getKind().isPrimitive()) {
                error(
                        parameter,
                        "@Vectorize parameters must be primitives; '" + parameter.getSimpleName() + "' is "
                                + parameter.asType());
            }
        }
        if (!method.getReturnType().getKind().isPrimitive()) {
            error(method, "@Vectorize functions must return a primitive, not " + method.getReturnType());
        }
    }

    private void alsoFor(ExecutableElement method) {
        for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
            if (!mirror.getAnnotationType().toString().equals("dev.stride.Jit")) {
                continue;
            }
            mirror.getElementValues().forEach((key, value) -> {
                if (key.getSimpleName().contentEquals("alsoFor")) {
                    for (Object entry : (List<?>) value.getValue()) {
                        checkSubstitution(method, entry.toString());
                    }
                }
            });
        }
    }

    private void checkSubstitution(ExecutableElement method, String kind) {
        String constant = kind.substring(kind.lastIndexOf('.') + 1);
        TypeKind source = switch (constant) {
            case "FLOAT" -> TypeKind.DOUBLE;
            case "INT" -> TypeKind.LONG;
            default -> null;
        };
        if (source == null || !usesElementType(method, source)) {
            error(
                    method,
                    "@Jit(alsoFor = " + constant + ") is not a safe substitution for " + method.getSimpleName()
                            + ": Stride specialises double kernels to FLOAT and long kernels to INT only");
        }
    }

    private static boolean usesElementType(ExecutableElement method, TypeKind kind) {
        for (VariableElement parameter : method.getParameters()) {
            TypeMirror type = parameter.asType();
            if (type.getKind() == kind
                    || type.toString().equals(kind.name().toLowerCase(java.util.Locale.ROOT) + "[]")) {
                return true;
            }
        }
        return false;
    }

    private void error(Element element, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
}
