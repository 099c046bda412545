package dev.stride.compiler.pipeline;

import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import java.util.stream.Collectors;

/**
 * Prints an IR expression as Java-like source for the report, with local names from the debug tables
 * ({@code slotN} without them): {@code Math.sqrt(scale)}, {@code (double) n}, {@code low * 2.0}.
 */
final class ExprText {

    private ExprText() {}

    static String of(Function function, Expr e) {
        return switch (e) {
            case Expr.Const c -> constant(c);
            case Expr.Read r -> function.nameOf(r.variable());
            case Expr.Binary b ->
                operand(function, b.left()) + " " + b.op().symbol() + " " + operand(function, b.right());
            case Expr.Negate n -> "-" + operand(function, n.operand());
            case Expr.Convert c -> "(" + c.kind().javaName() + ") " + operand(function, c.operand());
            case Expr.ArrayLoad a -> of(function, a.array()) + "[" + of(function, a.index()) + "]";
            case Expr.ArrayLength a -> of(function, a.array()) + ".length";
            case Expr.Call call ->
                simpleName(call.owner()) + "." + call.name()
                        + call.arguments().stream()
                                .map(x -> of(function, x))
                                .collect(Collectors.joining(", ", "(", ")"));
            case Expr.FieldLoad field -> simpleName(field.owner()) + "." + field.name();
            case Expr.Compare compare ->
                "compare(" + of(function, compare.left()) + ", " + of(function, compare.right()) + ")";
            default -> e.toString();
        };
    }

    private static String operand(Function function, Expr e) {
        String text = of(function, e);
        return e instanceof Expr.Binary || e instanceof Expr.Convert ? "(" + text + ")" : text;
    }

    private static String constant(Expr.Const c) {
        return switch (c.value()) {
            case Float f -> f + "f";
            case Long l -> l + "L";
            case null -> "null";
            default -> String.valueOf(c.value());
        };
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}
