package dev.stride.compiler;

/**
 * Build-wide settings of a compilation; annotation options on a method override the defaults here.
 *
 * @param fastmathDefault fastmath for methods whose annotation does not enable it (build-wide opt-in)
 * @param strictDefault make every rejected loop an error, for all methods
 * @param simdBits the SIMD width to compile for: 0 for the annotation's choice (auto), else 256 or 512
 * @param keepOriginals store each original class file as a resource so {@code Originals.plainCopy} works
 * @param compiledAt how the report names this compilation: {@code build}, {@code load} or {@code inspect}
 */
public record CompilerOptions(
        boolean fastmathDefault, boolean strictDefault, int simdBits, boolean keepOriginals, String compiledAt) {

    /** Validates the width. */
    public CompilerOptions {
        if (simdBits != 0 && simdBits != 256 && simdBits != 512) {
            throw new IllegalArgumentException("simd width must be auto (0), 256 or 512, was " + simdBits);
        }
    }

    /**
     * The defaults of a build-time compilation.
     *
     * @return options with fastmath and strict off, automatic width, originals kept
     */
    public static CompilerOptions defaults() {
        return new CompilerOptions(false, false, 0, true, "build");
    }

    /**
     * These options with another {@code compiledAt} label.
     *
     * @param label {@code build}, {@code load} or {@code inspect}
     * @return a copy with the label replaced
     */
    public CompilerOptions compiledAt(String label) {
        return new CompilerOptions(fastmathDefault, strictDefault, simdBits, keepOriginals, label);
    }
}
