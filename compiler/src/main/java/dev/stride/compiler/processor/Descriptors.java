package dev.stride.compiler.processor;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** JVM method descriptors of source elements, so generated code can name a kernel as its class file does. */
final class Descriptors {
    private Descriptors() {}

    /**
     * The descriptor of a method, erased.
     *
     * @param method a method
     * @param elements for binary names
     * @param types for erasure
     * @return e.g. {@code ([DI)D}
     */
    static String of(ExecutableElement method, Elements elements, Types types) {
        StringBuilder out = new StringBuilder("(");
        for (VariableElement parameter : method.getParameters()) {
            out.append(of(parameter.asType(), elements, types));
        }
        return out.append(')')
                .append(of(method.getReturnType(), elements, types))
                .toString();
    }

    private static String of(TypeMirror type, Elements elements, Types types) {
        return switch (type.getKind()) {
            case BOOLEAN -> "Z";
            case BYTE -> "B";
            case CHAR -> "C";
            case SHORT -> "S";
            case INT -> "I";
            case LONG -> "J";
            case FLOAT -> "F";
            case DOUBLE -> "D";
            case VOID -> "V";
            case ARRAY -> "[" + of(((ArrayType) type).getComponentType(), elements, types);
            default -> {
                TypeElement element = (TypeElement) types.asElement(types.erasure(type));
                yield "L" + elements.getBinaryName(element).toString().replace('.', '/') + ";";
            }
        };
    }
}
