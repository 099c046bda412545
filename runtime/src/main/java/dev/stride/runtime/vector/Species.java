package dev.stride.runtime.vector;

import dev.stride.runtime.StrideConfig;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Chooses the species a SIMD holder class stores in its {@code static final} fields: the width the compiler asked
 * for, narrowed to what the CPU has and to the {@code stride.simd.width} cap. Called once per field from a holder's
 * static initialiser; because the result lands in a {@code static final} field, C2 treats it as a constant (a
 * species that is not a constant makes every vector a heap object, see VECTOR-API-NOTES).
 */
public final class Species {

    private Species() {}

    /**
     * The requested species, or a narrower one of the same element type when the CPU or configuration caps it.
     *
     * @param requested the species the compiler chose
     * @param <E> the element type
     * @return the species to use in this JVM
     */
    public static <E> VectorSpecies<E> fit(VectorSpecies<E> requested) {
        int cap = VectorShape.preferredShape().vectorBitSize();
        int configured = StrideConfig.current().simdWidthBits();
        if (configured != 0) {
            cap = Math.min(cap, configured);
        }
        if (requested.vectorBitSize() <= cap) {
            return requested;
        }
        return VectorSpecies.of(requested.elementType(), VectorShape.forBitSize(cap));
    }

    /**
     * A species of another element type with as many lanes as {@code lead}: in a loop that mixes element sizes
     * (an {@code int[]} converted to {@code double}), every vector must hold the same iterations, so the narrower
     * type gets a narrower shape (8 doubles in 512 bits go with 8 ints in 256 bits). Called after {@code lead} went
     * through {@link #fit}, so a capped lead narrows its companions with it.
     *
     * @param requested the companion species the compiler chose (its element type is what counts)
     * @param lead the fitted species of the loop's widest element type
     * @param <E> the element type
     * @return a species of {@code requested}'s element type with {@code lead.length()} lanes
     * @throws IllegalArgumentException when no vector shape has that many lanes of the element type
     */
    public static <E> VectorSpecies<E> withLanesOf(VectorSpecies<E> requested, VectorSpecies<?> lead) {
        int bits = lead.length() * requested.elementSize();
        if (bits == requested.vectorBitSize()) {
            return requested;
        }
        return VectorSpecies.of(requested.elementType(), VectorShape.forBitSize(bits));
    }
}
