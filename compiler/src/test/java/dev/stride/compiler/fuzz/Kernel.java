package dev.stride.compiler.fuzz;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One generated {@code @Jit} method: its signature, its body as a statement tree, and the floating-point
 * accumulators whose reassociation fastmath permits (the oracle bounds their error by a scale, see
 * {@link KernelSource}).
 *
 * @param name the method name, unique within its class
 * @param fastmath whether the annotation says {@code fastmath = true}
 * @param returnKind the return type, or null for void
 * @param parameters the parameters in order
 * @param body the statements
 * @param floatingSums names of float/double accumulators updated with {@code +=} or {@code -=}
 */
record Kernel(
        String name,
        boolean fastmath,
        Kind returnKind,
        List<Param> parameters,
        List<Stmt> body,
        List<String> floatingSums) {

    /** What an argument means to the kernel, which decides how the fuzzer chooses its value. */
    enum Role {
        /** an array of the element kind (one or two dimensions) */
        ARRAY,
        /** an int loop bound or window length */
        BOUND,
        /** an int row number of a two-dimensional array */
        ROW,
        /** a scalar operand */
        SCALAR,
        /** a boolean */
        FLAG
    }

    /**
     * A parameter.
     *
     * @param kind the element or scalar kind
     * @param dimensions 0 for a scalar, 1 or 2 for arrays
     * @param name the Java name
     * @param role how to choose arguments
     */
    record Param(Kind kind, int dimensions, String name, Role role) {
        /** @return the Java type as written */
        String javaType() {
            return kind.javaName() + "[]".repeat(dimensions);
        }

        /** @return the reflective type */
        Class<?> type() {
            return dimensions == 0
                    ? kind.type()
                    : dimensions == 1 ? kind.arrayType() : kind.arrayType().arrayType();
        }
    }

    /** @return the reflective parameter types */
    Class<?>[] parameterTypes() {
        return parameters.stream().map(Param::type).toArray(Class<?>[]::new);
    }

    /** @return whether the oracle needs the companion scale method */
    boolean hasScale() {
        return fastmath && returnKind != null && !floatingSums.isEmpty();
    }

    /** @return the signature as Java source, without modifiers */
    String signature(String methodName, String returnType) {
        return returnType + " " + methodName
                + parameters.stream()
                        .map(p -> p.javaType() + " " + p.name())
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    /** @return a copy with another body */
    Kernel withBody(List<Stmt> replaced) {
        return new Kernel(name, fastmath, returnKind, parameters, replaced, floatingSums);
    }
}
