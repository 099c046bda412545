package dev.stride.compiler.fuzz;

/**
 * The Java types a generated kernel computes with. Per-type differences (literals, array classes, which
 * operators exist) live here so the generator is written once for every element type.
 */
enum Kind {
    INT("int", int.class, int[].class, 0x1p-0),
    LONG("long", long.class, long[].class, 0x1p-0),
    FLOAT("float", float.class, float[].class, 0x1p-23),
    DOUBLE("double", double.class, double[].class, 0x1p-52),
    BYTE("byte", byte.class, byte[].class, 0x1p-0),
    BOOLEAN("boolean", boolean.class, boolean[].class, 0x1p-0);

    private final String javaName;
    private final Class<?> type;
    private final Class<?> arrayType;
    private final double epsilon;

    Kind(String javaName, Class<?> type, Class<?> arrayType, double epsilon) {
        this.javaName = javaName;
        this.type = type;
        this.arrayType = arrayType;
        this.epsilon = epsilon;
    }

    /** @return the Java keyword */
    String javaName() {
        return javaName;
    }

    /** @return the primitive class */
    Class<?> type() {
        return type;
    }

    /** @return the one-dimensional array class */
    Class<?> arrayType() {
        return arrayType;
    }

    /** @return the relative rounding error of one operation (the ulp of 1), for floating kinds */
    double epsilon() {
        return epsilon;
    }

    /** @return whether this is float or double */
    boolean floating() {
        return this == FLOAT || this == DOUBLE;
    }

    /** @return whether bitwise operators apply */
    boolean integral() {
        return this == INT || this == LONG;
    }

    /** @return the boxed class name that owns {@code isNaN}, {@code MAX_VALUE}, ... */
    String boxName() {
        return switch (this) {
            case INT -> "Integer";
            case LONG -> "Long";
            case FLOAT -> "Float";
            case DOUBLE -> "Double";
            case BYTE -> "Byte";
            case BOOLEAN -> "Boolean";
        };
    }

    /**
     * A literal of this kind, parenthesised when negative so it can stand anywhere in an expression.
     *
     * @param value the value (truncated for integral kinds)
     * @return Java source
     */
    String literal(double value) {
        if (this == BOOLEAN) {
            return value != 0 ? "true" : "false";
        }
        if (Double.isNaN(value)) {
            return boxName() + ".NaN";
        }
        if (Double.isInfinite(value)) {
            return boxName() + (value > 0 ? ".POSITIVE_INFINITY" : ".NEGATIVE_INFINITY");
        }
        String text = switch (this) {
            case INT -> integral((long) value, Integer.MIN_VALUE, Integer.MAX_VALUE, "");
            case LONG -> integral((long) value, Long.MIN_VALUE, Long.MAX_VALUE, "L");
            case BYTE -> "(byte) " + (long) value;
            case FLOAT -> (float) value + "f";
            case DOUBLE -> Double.toString(value);
            case BOOLEAN -> throw new IllegalStateException();
        };
        return text.startsWith("-") || text.startsWith("(") ? "(" + text + ")" : text;
    }

    private String integral(long value, long min, long max, String suffix) {
        if (value <= min) {
            return boxName() + ".MIN_VALUE";
        }
        if (value >= max) {
            return boxName() + ".MAX_VALUE";
        }
        return value + suffix;
    }
}
