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
}
