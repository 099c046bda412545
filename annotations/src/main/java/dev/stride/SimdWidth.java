package dev.stride;

/**
 * The SIMD register width a kernel is compiled for. The run-time width can further be capped by the system
 * property {@code stride.simd.width}; a width the CPU does not have falls back to the widest it has.
 */
public enum SimdWidth {
    /** 256-bit for memory-bound (streaming) loops, the widest available for compute-bound loops. */
    AUTO,
    /** 256-bit vectors (4 doubles, 8 floats). */
    BITS_256,
    /** 512-bit vectors (8 doubles, 16 floats); needs AVX-512 or SVE-512. */
    BITS_512
}
