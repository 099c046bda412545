package dev.stride.compiler.specialise;

import java.util.Optional;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * One element-type substitution Stride can make soundly: {@code double} to {@code float} and {@code long} to {@code
 * int}. Both keep the kind of arithmetic (floating point stays IEEE 754 with the same operations, integers stay two's
 * complement with the same wrap-around), so the specialised code is what Java's promotion rules give for the same
 * source written with the new type. Other pairs change what {@code /}, {@code %} or {@code Math} calls mean.
 */
public enum Substitution {
    /** {@code double} to {@code float}: {@code @Jit(alsoFor = FLOAT)} on a kernel over {@code double}. */
    DOUBLE_TO_FLOAT(Type.DOUBLE_TYPE, Type.FLOAT_TYPE, Opcodes.T_DOUBLE, Opcodes.T_FLOAT, "FLOAT"),
    /** {@code long} to {@code int}: {@code @Jit(alsoFor = INT)} on a kernel over {@code long}. */
    LONG_TO_INT(Type.LONG_TYPE, Type.INT_TYPE, Opcodes.T_LONG, Opcodes.T_INT, "INT");

    private final Type from;
    private final Type to;
    private final int fromArrayCode;
    private final int toArrayCode;
    private final String kind;

    Substitution(Type from, Type to, int fromArrayCode, int toArrayCode, String kind) {
        this.from = from;
        this.to = to;
        this.fromArrayCode = fromArrayCode;
        this.toArrayCode = toArrayCode;
        this.kind = kind;
    }

    /**
     * The substitution that makes the given element kind.
     *
     * @param kind an {@code ElementKind} constant name
     * @return the substitution, or empty when Stride cannot specialise to that kind
     */
    public static Optional<Substitution> toKind(String kind) {
        for (Substitution substitution : values()) {
            if (substitution.kind.equals(kind)) {
                return Optional.of(substitution);
            }
        }
        return Optional.empty();
    }

    /** @return the type replaced */
    public Type from() {
        return from;
    }

    /** @return the type put in its place */
    public Type to() {
        return to;
    }

    /** @return the {@code ElementKind} constant name of the target */
    public String kind() {
        return kind;
    }

    /**
     * A type with the substitution applied: the type itself, or an array of it of any dimension.
     *
     * @param type a field or value type
     * @return the substituted type, or the type unchanged
     */
    public Type apply(Type type) {
        if (type.equals(from)) {
            return to;
        }
        if (type.getSort() == Type.ARRAY && type.getElementType().equals(from)) {
            return Type.getType("[".repeat(type.getDimensions()) + to.getDescriptor());
        }
        return type;
    }

    /**
     * A method descriptor with the substitution applied to every parameter and the return type.
     *
     * @param descriptor a JVM method descriptor
     * @return the substituted descriptor
     */
    public String applyToMethod(String descriptor) {
        Type[] arguments = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = apply(arguments[i]);
        }
        return Type.getMethodDescriptor(apply(Type.getReturnType(descriptor)), arguments);
    }

    /**
     * Whether a descriptor mentions the replaced type (alone or as an array element).
     *
     * @param descriptor a field or method descriptor
     * @return true when substitution would change it
     */
    public boolean mentions(String descriptor) {
        return descriptor.contains(from.getDescriptor()) && mentionsType(descriptor);
    }

    private boolean mentionsType(String descriptor) {
        if (descriptor.startsWith("(")) {
            return !applyToMethod(descriptor).equals(descriptor);
        }
        return !apply(Type.getType(descriptor)).equals(Type.getType(descriptor));
    }

    /** @return the {@code NEWARRAY} operand of the replaced type */
    int fromArrayCode() {
        return fromArrayCode;
    }

    /** @return the {@code NEWARRAY} operand of the new type */
    int toArrayCode() {
        return toArrayCode;
    }
}
