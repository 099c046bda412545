package dev.stride.runtime;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Decides once per JVM whether rewritten classes may run their Vector API code.
 *
 * <p>Rewritten methods test {@link #ENABLED}, a {@code static final} field that C2 folds to a constant, before
 * touching any vector class; when it is false they run the original scalar body. It is true only when all
 * hold: the kill switch is off, module {@code jdk.incubator.vector} is in the boot layer, the JIT can reach
 * C2 (without C2 the Vector API runs as slow boxed Java), and the CPU's preferred vector is at least 128 bits.
 * When the module is missing the guard prints one warning naming the flag that adds it.
 */
public final class VectorGuard {

    /** Module name of the incubating Vector API (JEP 508). */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Why {@link #ENABLED} has its value, in words, for reports and {@code Stride.status}. */
    public static final String REASON;

    /** Whether Vector API code may run in this JVM. */
    public static final boolean ENABLED;

    static {
        String reason = disabledReason(StrideConfig.current());
        REASON = reason == null ? "Vector API enabled (" + preferredBits() + "-bit vectors)" : reason;
        ENABLED = reason == null;
    }

    private VectorGuard() {}

    private static String disabledReason(StrideConfig config) {
        if (config.disabled()) {
            return "disabled by stride.disable / STRIDE_DISABLE_JIT";
        }
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            System.err.println("stride: warning: module " + VECTOR_MODULE + " is not present, rewritten methods"
                    + " run their scalar code; add the JVM flag --add-modules " + VECTOR_MODULE);
            return "module " + VECTOR_MODULE + " absent (JVM flag --add-modules " + VECTOR_MODULE + " missing)";
        }
        if (!c2Available()) {
            return "HotSpot C2 is not available (-Xint or TieredStopAtLevel < 4), vectors would run boxed";
        }
        if (preferredBits() < 128) {
            return "the CPU's vectors are narrower than 128 bits";
        }
        return null;
    }

    private static int preferredBits() {
        return dev.stride.runtime.vector.VectorProbe.preferredBits();
    }

    private static boolean c2Available() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String argument : arguments) {
            if (argument.equals("-Xint") || argument.matches("-XX:TieredStopAtLevel=[0-3]")) {
                return false;
            }
        }
        String vmName = System.getProperty("java.vm.name", "");
        return !vmName.contains("Client")
                && !System.getProperty("java.vm.info", "").contains("interpreted");
    }
}
