package dev.stride.compiler.fuzz;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An expression of a generated kernel: a closed tree the generator builds, the renderer prints and the shrinker
 * simplifies. Every node knows its {@link Kind}, so the shrinker only replaces a node by one of the same kind.
 */
sealed interface Expr {

    /** @return the kind of value */
    Kind kind();

    /** @return Java source, parenthesised where precedence could matter */
    String render();

    /** @return the direct sub-expressions, in order */
    List<Expr> children();

    /**
     * This node with new children.
     *
     * @param replaced as many expressions as {@link #children()} returned
     * @return a copy
     */
    Expr withChildren(List<Expr> replaced);

    /** A literal. */
    record Const(Kind kind, double value) implements Expr {
        @Override
        public String render() {
            return kind.literal(value);
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }

        @Override
        public Expr withChildren(List<Expr> replaced) {
            return this;
        }
    }

    /** A local, a parameter, or a field-like name such as {@code a.length}. */
    record Var(Kind kind, String name) implements Expr {
        @Override
        public String render() {
            return name;
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }

        @Override
        public Expr withChildren(List<Expr> replaced) {
            return this;
        }
    }

    /** An affine index {@code i + offset}. */
    record Index(String variable, int offset) implements Expr {
        @Override
        public Kind kind() {
            return Kind.INT;
        }

        @Override
        public String render() {
            return offset == 0 ? variable : offset > 0 ? variable + " + " + offset : variable + " - " + -offset;
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }

        @Override
        public Expr withChildren(List<Expr> replaced) {
            return this;
        }
    }

    /** An array element {@code array[index]}; {@code array} may itself be {@code m[r]}. */
    record Read(Kind kind, String array, Expr index) implements Expr {
        @Override
        public String render() {
            return array + "[" + index.render() + "]";
        }

        @Override
        public List<Expr> children() {
            return List.of(index);
        }

        @Override
        public Expr withChildren(List<Expr> replaced) {
            return new Read(kind, array, replaced.getFirst());
        }
    }

    /** A prefix operator ({@code -}, {@code ~}, {@code !}). */
    record Unary(Kind kind, String operator, Expr operand) implements Expr {
        @Override
        public String render() {
            return "(" + operator + operand.render() + ")";
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }

        @Override
        public Expr withChildren(List<Expr> replaced) {
            return new Unary(kind, operator, replaced.getFirst());
        }
    }

    /** An infix operator: arithmetic, bitwise, comparison or logical. */
    record Binary(Kind kind, String operator, Expr left, Expr right) implements Expr {
        @Override
        public String render() {
            return "(" + left.render() + " " + operator + " " + right.render() + ")";
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }

        @Override
        public Expr withChildren(List<Expr> replaced) {
            return new Binary(kind, operator, replaced.get(0), replaced.get(1));
        }
    }

    /** A static call such as {@code Math.max(a, b)} or {@code Double.isNaN(x)}. */
    record Call(Kind kind, String function, List<Expr> arguments) implements Expr {
        @Override
        public String render() {
            return function + arguments.stream().map(Expr::render).collect(Collectors.joining(", ", "(", ")"));
        }

        @Override
        public List<Expr> children() {
            return arguments;
        }

        @Override
        public Expr withChildren(List<Expr> replaced) {
            return new Call(kind, function, List.copyOf(replaced));
        }
    }

    /** The conditional operator. */
    record Ternary(Kind kind, Expr condition, Expr whenTrue, Expr whenFalse) implements Expr {
        @Override
        public String render() {
            return "(" + condition.render() + " ? " + whenTrue.render() + " : " + whenFalse.render() + ")";
        }

        @Override
        public List<Expr> children() {
            return List.of(condition, whenTrue, whenFalse);
        }

        @Override
        public Expr withChildren(List<Expr> replaced) {
            return new Ternary(kind, replaced.get(0), replaced.get(1), replaced.get(2));
        }
    }

    /** A primitive conversion. */
    record Cast(Kind kind, Expr operand) implements Expr {
        @Override
        public String render() {
            return "((" + kind.javaName() + ") " + operand.render() + ")";
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }

        @Override
        public Expr withChildren(List<Expr> replaced) {
            return new Cast(kind, replaced.getFirst());
        }
    }
}
