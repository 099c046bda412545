package dev.stride.runtime.vector;

import jdk.incubator.vector.VectorShape;

/**
 * Reads the CPU's preferred vector shape. Loaded only after {@code VectorGuard} has seen that module
 * {@code jdk.incubator.vector} is present, so the runtime still loads without it.
 */
public final class VectorProbe {

    private VectorProbe() {}

    /**
     * The bit size of the preferred vector shape on this CPU.
     *
     * @return 128, 256 or 512 on x86 and ARM; 64 where only MMX-like vectors exist
     */
    public static int preferredBits() {
        return VectorShape.preferredShape().vectorBitSize();
    }
}
