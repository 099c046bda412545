package dev.stride.compiler.fuzz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random expressions over arrays of several element kinds at once, for the conversion family: explicit casts
 * between {@code int long float double}, Java's implicit widening in binary operators, ternaries, {@code Math}
 * calls and stores, the induction variable as a value ({@code (float) i}) and in conditions ({@code i < k},
 * {@code (i & 1) == 0}), and conditions on one kind selecting values of another. Every node's {@link Kind} is
 * its Java type after promotion, so {@link #value} returns an expression that widens to the requested kind
 * without a cast and {@link #exactly} one of exactly that kind.
 */
final class MixedExpressions {
    private static final List<Kind> NUMERIC = List.of(Kind.INT, Kind.LONG, Kind.FLOAT, Kind.DOUBLE);

    private final Random random;
    private final ExpressionGenerator constants;
    private final Map<Kind, List<String>> arrays = new EnumMap<>(Kind.class);
    private final List<Expr> intScalars = new ArrayList<>();
    private final String variable;
    private final int maximumOffset;
    private boolean induction;

    /**
     * A generator over arrays read at {@code variable + 0 .. maximumOffset}.
     *
     * @param random the source of choices
     * @param variable the induction variable
     * @param maximumOffset the largest index offset
     */
    MixedExpressions(Random random, String variable, int maximumOffset) {
        this.random = random;
        this.constants = new ExpressionGenerator(random);
        this.variable = variable;
        this.maximumOffset = maximumOffset;
    }

    /** Adds an array the expressions may read. */
    MixedExpressions array(Kind kind, String name) {
        arrays.computeIfAbsent(kind, k -> new ArrayList<>()).add(name);
        return this;
    }

    /** Adds an int scalar (a parameter) the expressions may compare the induction variable with. */
    MixedExpressions intScalar(String name) {
        intScalars.add(new Expr.Var(Kind.INT, name));
        return this;
    }

    /** Lets expressions use the induction variable as a value and in comparisons. */
    MixedExpressions withInduction() {
        induction = true;
        return this;
    }

    /** @return whether kind {@code from} converts to {@code to} without a cast */
    static boolean widens(Kind from, Kind to) {
        return NUMERIC.indexOf(from) <= NUMERIC.indexOf(to);
    }

    /** @return the type of a binary operator's result under Java's numeric promotion */
    static Kind promoted(Kind left, Kind right) {
        return widens(left, right) ? right : left;
    }

    /** @return an expression of exactly the kind, with a cast when the generated value is another kind */
    Expr exactly(Kind kind, int depth) {
        Expr value = value(kind, depth);
        return value.kind() == kind ? value : new Expr.Cast(kind, value);
    }

    /** @return an expression whose type widens to {@code atMost}; it reads at least one array */
    Expr readingValue(Kind atMost, int depth) {
        Expr value = value(atMost, depth);
        if (reads(value)) {
            return value;
        }
        Expr read = convertedRead(atMost);
        return new Expr.Binary(promoted(value.kind(), read.kind()), random.nextBoolean() ? "+" : "*", value, read);
    }

    private static boolean reads(Expr expression) {
        return expression instanceof Expr.Read || expression.children().stream().anyMatch(MixedExpressions::reads);
    }

    /** @return an expression whose type widens to {@code atMost} */
    Expr value(Kind atMost, int depth) {
        if (depth <= 0 || random.nextInt(3) == 0) {
            return leaf(atMost);
        }
        Kind kind = narrower(atMost);
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> arithmetic(kind, depth);
            case 3 -> new Expr.Cast(kind, value(NUMERIC.get(random.nextInt(4)), depth - 1));
            case 4 -> new Expr.Call(kind, "Math.abs", List.of(exactly(kind, depth - 1)));
            case 5 -> minMax(kind, depth);
            case 6 -> new Expr.Ternary(kind, condition(depth - 1), exactly(kind, depth - 1), value(kind, depth - 1));
            default ->
                kind == Kind.DOUBLE
                        ? new Expr.Call(Kind.DOUBLE, "Math.sqrt", List.of(value(Kind.DOUBLE, depth - 1)))
                        : leaf(kind);
        };
    }

    private Expr arithmetic(Kind kind, int depth) {
        Expr left = exactly(kind, depth - 1);
        Expr right = value(kind, depth - 1);
        String[] operators =
                kind.integral() ? new String[] {"+", "-", "*", "&", "|", "^"} : new String[] {"+", "-", "*", "/"};
        String operator = operators[random.nextInt(kind.integral() && random.nextBoolean() ? 6 : 3)];
        if (operator.equals("/") && random.nextBoolean()) {
            operator = "*";
        }
        Expr[] operands = random.nextBoolean() ? new Expr[] {left, right} : new Expr[] {right, left};
        return new Expr.Binary(kind, operator, operands[0], operands[1]);
    }

    private Expr minMax(Kind kind, int depth) {
        String function = random.nextBoolean() ? "Math.min" : "Math.max";
        return new Expr.Call(kind, function, List.of(exactly(kind, depth - 1), value(kind, depth - 1)));
    }

    /** @return an array read (maybe converted), the induction variable, an int scalar or a constant */
    Expr leaf(Kind atMost) {
        int choice = random.nextInt(20);
        if (choice < 12) {
            return convertedRead(atMost);
        }
        if (choice < 15 && induction) {
            Expr index = new Expr.Var(Kind.INT, variable);
            return random.nextBoolean() || atMost == Kind.INT ? index : new Expr.Cast(narrower(atMost), index);
        }
        if (choice < 16 && !intScalars.isEmpty()) {
            return intScalars.get(random.nextInt(intScalars.size()));
        }
        return constants.constant(narrower(atMost));
    }

    /** @return a read of an array whose kind widens to {@code atMost}, or a cast read of any other array */
    Expr convertedRead(Kind atMost) {
        List<Kind> readable = new ArrayList<>(arrays.keySet());
        Kind kind = readable.get(random.nextInt(readable.size()));
        Expr read = read(kind);
        if (widens(kind, atMost) && random.nextInt(3) != 0) {
            return read;
        }
        return new Expr.Cast(narrower(atMost), read);
    }

    private Expr read(Kind kind) {
        List<String> names = arrays.get(kind);
        return new Expr.Read(kind, names.get(random.nextInt(names.size())), index());
    }

    private Expr index() {
        return new Expr.Index(variable, random.nextInt(4) == 0 ? random.nextInt(maximumOffset + 1) : 0);
    }

    /** @return a kind that widens to {@code atMost}, usually {@code atMost} itself */
    private Kind narrower(Kind atMost) {
        int top = NUMERIC.indexOf(atMost);
        return random.nextInt(3) == 0 ? NUMERIC.get(random.nextInt(top + 1)) : atMost;
    }

    /**
     * A condition mixing kinds: a comparison of two values of any kinds (promoted), the induction variable
     * against an int scalar or its parity, a NaN test, or a combination.
     *
     * @param depth the depth of the compared values
     * @return a boolean expression
     */
    Expr condition(int depth) {
        int choice = random.nextInt(10);
        String[] operators = {"<", "<=", ">", ">=", "==", "!="};
        String operator = operators[random.nextInt(choice < 7 ? 4 : operators.length)];
        if (choice < 2 && induction) {
            Expr index = new Expr.Var(Kind.INT, variable);
            Expr other = !intScalars.isEmpty() && random.nextBoolean()
                    ? intScalars.get(random.nextInt(intScalars.size()))
                    : new Expr.Const(Kind.INT, 1 + random.nextInt(20));
            return new Expr.Binary(Kind.BOOLEAN, operator, index, other);
        }
        if (choice == 2 && induction) {
            Expr parity = new Expr.Binary(Kind.INT, "&", new Expr.Var(Kind.INT, variable), new Expr.Const(Kind.INT, 1));
            return new Expr.Binary(Kind.BOOLEAN, "==", parity, new Expr.Const(Kind.INT, 0));
        }
        if (choice == 3 && (arrays.containsKey(Kind.DOUBLE) || arrays.containsKey(Kind.FLOAT))) {
            Kind kind = arrays.containsKey(Kind.DOUBLE) ? Kind.DOUBLE : Kind.FLOAT;
            Expr nan = new Expr.Call(Kind.BOOLEAN, kind.boxName() + ".isNaN", List.of(read(kind)));
            return random.nextBoolean() ? nan : new Expr.Unary(Kind.BOOLEAN, "!", nan);
        }
        if (choice == 4 && depth > 0) {
            return new Expr.Binary(
                    Kind.BOOLEAN, random.nextBoolean() ? "&&" : "||", condition(depth - 1), condition(depth - 1));
        }
        Kind kind = NUMERIC.get(random.nextInt(4));
        Expr right = random.nextBoolean() ? constants.constant(kind) : value(kind, Math.max(0, depth - 1));
        return new Expr.Binary(Kind.BOOLEAN, operator, value(kind, Math.max(0, depth)), right);
    }
}
