package dev.stride.compiler.ir;

import org.objectweb.asm.Type;

/**
 * The JVM computational kind of an IR value, plus the narrow element kinds that only arrays hold.
 *
 * <p>Values on the JVM operand stack are {@code INT LONG FLOAT DOUBLE} or {@code REF}; {@code BOOLEAN BYTE CHAR
 * SHORT} appear only as array element kinds (they are loaded as {@code INT}).
 */
public enum Kind {
    INT("int", 32),
    LONG("long", 64),
    FLOAT("float", 32),
    DOUBLE("double", 64),
    BOOLEAN("boolean", 8),
    BYTE("byte", 8),
    CHAR("char", 16),
    SHORT("short", 16),
    REF("Object", 0),
    VOID("void", 0);

    private final String javaName;
    private final int bits;

    Kind(String javaName, int bits) {
        this.javaName = javaName;
        this.bits = bits;
    }

    /**
     * The type as Java source spells it.
     *
     * @return {@code int}, {@code double}, ...
     */
    public String javaName() {
        return javaName;
    }

    /**
     * The size of one element in bits (0 for references and void).
     *
     * @return the bit size
     */
    public int bits() {
        return bits;
    }

    /**
     * Whether this is {@code float} or {@code double}.
     *
     * @return true for floating-point kinds
     */
    public boolean isFloating() {
        return this == FLOAT || this == DOUBLE;
    }

    /**
     * Whether the Vector API can hold this kind in a lane (and Stride vectorises it).
     *
     * @return true for int, long, float and double
     */
    public boolean isVectorizable() {
        return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
    }

    /**
     * The kind of an ASM type, as the operand stack holds it.
     *
     * @param type an ASM type
     * @return the stack kind
     */
    public static Kind ofType(Type type) {
        return switch (type.getSort()) {
            case Type.VOID -> VOID;
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> INT;
            case Type.LONG -> LONG;
            case Type.FLOAT -> FLOAT;
            case Type.DOUBLE -> DOUBLE;
            default -> REF;
        };
    }

    /**
     * The exact kind of an ASM type, keeping narrow primitives (for array elements).
     *
     * @param type an ASM type
     * @return the exact kind
     */
    public static Kind exactOf(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN -> BOOLEAN;
            case Type.BYTE -> BYTE;
            case Type.CHAR -> CHAR;
            case Type.SHORT -> SHORT;
            default -> ofType(type);
        };
    }

    /**
     * The ASM type of a primitive kind.
     *
     * @return the ASM type
     */
    public Type asmType() {
        return switch (this) {
            case INT -> Type.INT_TYPE;
            case LONG -> Type.LONG_TYPE;
            case FLOAT -> Type.FLOAT_TYPE;
            case DOUBLE -> Type.DOUBLE_TYPE;
            case BOOLEAN -> Type.BOOLEAN_TYPE;
            case BYTE -> Type.BYTE_TYPE;
            case CHAR -> Type.CHAR_TYPE;
            case SHORT -> Type.SHORT_TYPE;
            case REF -> Type.getType(Object.class);
            case VOID -> Type.VOID_TYPE;
        };
    }
}
