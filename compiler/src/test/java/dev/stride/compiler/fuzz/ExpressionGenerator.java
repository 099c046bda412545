package dev.stride.compiler.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Random typed expressions over a {@link Scope}: arithmetic, bitwise operators, {@code Math} calls, ternaries,
 * comparisons and NaN tests. Depth bounds the tree; leaves are array reads at affine indices, scalars and
 * constants (edge values included), so most expressions read the arrays the loop walks.
 */
final class ExpressionGenerator {
    private static final double[] FLOAT_CONSTANTS = {0, 1, -1, 0.5, 2, 3.25, -0.0, 1e-3, 100, 7};
    private static final double[] RARE_FLOAT_CONSTANTS = {
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE
    };
    private static final double[] INT_CONSTANTS = {0, 1, -1, 2, 3, 7, 100, -5};
    private static final double[] RARE_INT_CONSTANTS = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0xFF};
    /** The calls the Vector API approximates within 1 ulp, vectorised only under fastmath. */
    static final List<String> TRANSCENDENTAL = List.of("Math.exp", "Math.log", "Math.sin", "Math.cos", "Math.pow");

    private final Random random;

    ExpressionGenerator(Random random) {
        this.random = random;
    }

    /** @return a value of the scope's kind */
    Expr value(Scope scope, int depth) {
        if (depth <= 0 || random.nextInt(3) == 0) {
            return leaf(scope);
        }
        Kind kind = scope.kind;
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> arithmetic(scope, depth);
            case 4 -> new Expr.Unary(kind, "-", value(scope, depth - 1));
            case 5 -> new Expr.Call(kind, "Math.abs", List.of(value(scope, depth - 1)));
            case 6 ->
                new Expr.Call(
                        kind,
                        random.nextBoolean() ? "Math.min" : "Math.max",
                        List.of(value(scope, depth - 1), value(scope, depth - 1)));
            case 7 ->
                kind == Kind.DOUBLE || kind == Kind.FLOAT && random.nextInt(3) == 0
                        ? squareRoot(value(scope, depth - 1))
                        : arithmetic(scope, depth);
            case 8 -> new Expr.Ternary(kind, condition(scope, depth - 1), value(scope, depth - 1), value(scope, 0));
            default -> leaf(scope);
        };
    }

    /** @return a value of the scope's kind that reads at least one array (a loop without array work stays scalar) */
    Expr readingValue(Scope scope, int depth) {
        Expr value = value(scope, depth);
        return reads(value) ? value : new Expr.Binary(scope.kind, random.nextBoolean() ? "+" : "*", value, read(scope));
    }

    private static boolean reads(Expr expression) {
        return expression instanceof Expr.Read || expression.children().stream().anyMatch(ExpressionGenerator::reads);
    }

    private Expr arithmetic(Scope scope, int depth) {
        Kind kind = scope.kind;
        String operator;
        int choice = random.nextInt(kind.integral() ? 9 : 7);
        if (scope.division && random.nextInt(3) == 0) {
            operator = random.nextBoolean() ? "/" : "%";
        } else if (choice < 2) {
            operator = "+";
        } else if (choice < 4) {
            operator = "-";
        } else if (choice < 6) {
            operator = "*";
        } else if (choice == 6) {
            operator = kind.floating() ? "/" : "&";
        } else {
            operator = choice == 7 ? "|" : "^";
        }
        return new Expr.Binary(kind, operator, value(scope, depth - 1), value(scope, depth - 1));
    }

    private static Expr squareRoot(Expr operand) {
        Expr root = new Expr.Call(Kind.DOUBLE, "Math.sqrt", List.of(operand));
        return operand.kind() == Kind.DOUBLE ? root : new Expr.Cast(operand.kind(), root);
    }

    /** @return an array read, a scalar in scope or a constant */
    Expr leaf(Scope scope) {
        int choice = random.nextInt(20);
        if (choice < 11 && !scope.arrays.isEmpty()) {
            return read(scope);
        }
        if (choice < 12 && !scope.extraLeaves.isEmpty()) {
            return pick(scope.extraLeaves);
        }
        if (choice < 16 && !scope.values.isEmpty()) {
            return pick(scope.values);
        }
        return constant(scope.kind);
    }

    /** @return an element of a scope array at {@code variable + offset} */
    Expr read(Scope scope) {
        return new Expr.Read(scope.kind, pick(scope.arrays), index(scope));
    }

    /** @return an affine index within the scope's offsets */
    Expr index(Scope scope) {
        int offset = scope.minimumOffset + random.nextInt(scope.maximumOffset - scope.minimumOffset + 1);
        return new Expr.Index(scope.variable, offset);
    }

    /** @return a constant, occasionally an edge value */
    Expr constant(Kind kind) {
        double[] common = kind.floating() ? FLOAT_CONSTANTS : INT_CONSTANTS;
        double[] rare = kind.floating() ? RARE_FLOAT_CONSTANTS : RARE_INT_CONSTANTS;
        double value =
                random.nextInt(12) == 0 ? rare[random.nextInt(rare.length)] : common[random.nextInt(common.length)];
        return new Expr.Const(kind, value);
    }

    /** @return a boolean condition over the scope */
    Expr condition(Scope scope, int depth) {
        Kind kind = scope.kind;
        int choice = random.nextInt(12);
        if (kind.floating() && choice == 0) {
            return new Expr.Call(Kind.BOOLEAN, kind.boxName() + ".isNaN", List.of(value(scope, depth - 1)));
        }
        if (kind.floating() && choice == 1) {
            Expr read = read(scope);
            return new Expr.Binary(Kind.BOOLEAN, random.nextBoolean() ? "!=" : "==", read, read);
        }
        if (choice == 2 && depth > 0) {
            return new Expr.Binary(
                    Kind.BOOLEAN,
                    random.nextBoolean() ? "&&" : "||",
                    condition(scope, depth - 1),
                    condition(scope, depth - 1));
        }
        if (choice == 3 && depth > 0) {
            return new Expr.Unary(Kind.BOOLEAN, "!", condition(scope, depth - 1));
        }
        String[] operators = {"<", "<=", ">", ">=", "==", "!="};
        String operator = operators[random.nextInt(choice < 9 ? 4 : operators.length)];
        Expr right = random.nextBoolean() ? constant(kind) : value(scope, depth - 1);
        return new Expr.Binary(Kind.BOOLEAN, operator, value(scope, Math.max(0, depth - 1)), right);
    }

    /**
     * A call to a function the Vector API approximates within 1 ulp, so only its outermost position in a stored
     * value or a sum term keeps the oracle's bound valid.
     *
     * @return a transcendental call of the scope's floating kind
     */
    Expr transcendental(Scope scope) {
        String function = TRANSCENDENTAL.get(random.nextInt(TRANSCENDENTAL.size()));
        List<Expr> arguments = function.equals("Math.pow")
                ? List.of(value(scope, 1), random.nextBoolean() ? constant(scope.kind) : read(scope))
                : List.of(value(scope, 1));
        Expr call = new Expr.Call(Kind.DOUBLE, function, arguments);
        return scope.kind == Kind.DOUBLE ? call : new Expr.Cast(scope.kind, call);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
