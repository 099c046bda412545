package dev.stride.runtime;

import java.util.List;

/**
 * Questions users ask at run time: was this class compiled by Stride, and will its SIMD code run here? So no one
 * benchmarks uncompiled code by accident.
 */
public final class Stride {

    private Stride() {}

    /**
     * What Stride did to a class, and whether its SIMD code can run in this JVM.
     *
     * @param compiled whether the class was rewritten (build plugin or agent)
     * @param version the Stride version that rewrote it, or null
     * @param methods the rewritten methods with their vectorised loop ids
     * @param simdEnabled whether rewritten loops run their Vector API code in this JVM
     * @param reason why SIMD is on or off ({@link VectorGuard#REASON})
     */
    public record Status(boolean compiled, String version, List<String> methods, boolean simdEnabled, String reason) {

        @Override
        public String toString() {
            if (!compiled) {
                return "not compiled by Stride: the class runs as plain Java (add the stride-maven-plugin or the"
                        + " -javaagent)";
            }
            return "compiled by Stride " + version + " (" + String.join("; ", methods) + "); " + reason;
        }
    }

    /**
     * The Stride status of a class.
     *
     * @param type any class
     * @return what Stride did to it and whether its SIMD code runs here
     */
    public static Status status(Class<?> type) {
        StrideCompiled marker = type.getAnnotation(StrideCompiled.class);
        if (marker == null) {
            return new Status(false, null, List.of(), false, VectorGuard.REASON);
        }
        return new Status(true, marker.version(), List.of(marker.methods()), VectorGuard.ENABLED, VectorGuard.REASON);
    }
}
