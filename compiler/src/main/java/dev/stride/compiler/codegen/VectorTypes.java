package dev.stride.compiler.codegen;

import dev.stride.compiler.ir.Kind;
import org.objectweb.asm.Type;

/** Names and descriptors of the Vector API types that generated code uses, per element kind. */
final class VectorTypes {
    static final String PACKAGE = "jdk/incubator/vector/";
    static final Type SPECIES = Type.getObjectType(PACKAGE + "VectorSpecies");
    static final Type MASK = Type.getObjectType(PACKAGE + "VectorMask");
    static final Type VECTOR = Type.getObjectType(PACKAGE + "Vector");
    static final String OPERATORS = PACKAGE + "VectorOperators";

    private VectorTypes() {}

    /** The concrete vector class of a lane kind, e.g. {@code DoubleVector}. */
    static Type vector(Kind kind) {
        return Type.getObjectType(PACKAGE
                + switch (kind) {
                    case INT -> "IntVector";
                    case LONG -> "LongVector";
                    case FLOAT -> "FloatVector";
                    case DOUBLE -> "DoubleVector";
                    default -> throw new IllegalArgumentException("no vector of " + kind);
                });
    }

    /** The holder field name of a species, e.g. {@code SPECIES_DOUBLE_256}. */
    static String speciesField(Kind kind, int bits) {
        return "SPECIES_" + kind.name() + "_" + bits;
    }

    /**
     * The holder field name of a species that has as many lanes as a loop's lead species, e.g.
     * {@code SPECIES_INT_LIKE_DOUBLE_512} (8 ints, for a loop that converts between int and double at 512 bits).
     */
    static String tiedSpeciesField(Kind kind, Kind lead, int leadBits) {
        return "SPECIES_" + kind.name() + "_LIKE_" + lead.name() + "_" + leadBits;
    }

    /** The {@code VectorOperators} conversion constant between two kinds, e.g. {@code I2D}. */
    static String conversion(Kind from, Kind to) {
        return letter(from) + "2" + letter(to);
    }

    private static String letter(Kind kind) {
        return switch (kind) {
            case INT -> "I";
            case LONG -> "L";
            case FLOAT -> "F";
            case DOUBLE -> "D";
            default -> throw new IllegalArgumentException("no vector conversion for " + kind);
        };
    }

    /** The descriptor of a {@code VectorOperators} constant of a given operator family. */
    static String operatorDescriptor(String family) {
        return "L" + OPERATORS + "$" + family + ";";
    }

    /** The operator family of a {@code VectorOperators} constant. */
    static String familyOf(String operator) {
        return switch (operator) {
            case "ADD", "MUL", "MIN", "MAX", "AND", "OR", "XOR" -> "Associative";
            case "SUB", "DIV", "LSHL", "ASHR", "LSHR", "POW" -> "Binary";
            case "LT", "LE", "GT", "GE", "EQ", "NE" -> "Comparison";
            case "IS_NAN" -> "Test";
            default -> "Unary";
        };
    }
}
