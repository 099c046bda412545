package dev.stride.compiler.processor;

import java.util.Optional;
import javax.lang.model.type.TypeKind;

/**
 * Turns the text of {@code @Vectorize(identity = "...")} into a Java expression of the function's result type, for
 * the generated reduce forms. Accepted: what the type's {@code parseX} method accepts ({@code "0"}, {@code "1.5"},
 * {@code "-Infinity"}, {@code "NaN"}), {@code "MIN_VALUE"} and {@code "MAX_VALUE"} of the wrapper class, and for
 * {@code char} a one-character string.
 */
final class IdentityLiteral {

    private IdentityLiteral() {}

    /**
     * Parses an identity.
     *
     * @param text the annotation's text
     * @param type the result type
     * @return a Java expression of that type, or empty when the text is not a value of it
     */
    static Optional<String> parse(String text, TypeKind type) {
        String wrapper = wrapper(type);
        if (text.equals("MIN_VALUE") || text.equals("MAX_VALUE")) {
            return type == TypeKind.BOOLEAN ? Optional.empty() : Optional.of(wrapper + "." + text);
        }
        try {
            return Optional.ofNullable(
                    switch (type) {
                        case BOOLEAN -> text.equals("true") || text.equals("false") ? text : null;
                        case BYTE -> "(byte) " + Byte.parseByte(text);
                        case SHORT -> "(short) " + Short.parseShort(text);
                        case CHAR -> text.length() == 1 ? "(char) " + (int) text.charAt(0) : null;
                        case INT -> Integer.toString(Integer.parseInt(text));
                        case LONG -> Long.parseLong(text) + "L";
                        case FLOAT -> floatLiteral(Float.parseFloat(text));
                        case DOUBLE -> doubleLiteral(Double.parseDouble(text));
                        default -> null;
                    });
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String floatLiteral(float value) {
        if (Float.isNaN(value)) {
            return "Float.NaN";
        }
        if (Float.isInfinite(value)) {
            return value > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
        }
        return Float.toString(value) + "f";
    }

    private static String doubleLiteral(double value) {
        if (Double.isNaN(value)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(value);
    }

    private static String wrapper(TypeKind type) {
        return switch (type) {
            case INT -> "Integer";
            case CHAR -> "Character";
            default -> {
                String name = UfuncModel.javaName(type);
                yield Character.toUpperCase(name.charAt(0)) + name.substring(1);
            }
        };
    }
}
