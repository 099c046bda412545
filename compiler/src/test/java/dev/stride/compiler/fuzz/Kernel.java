package dev.stride.compiler.fuzz;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One generated {@code @Jit} method: its signature, its body as a statement tree, the floating-point
 * accumulators whose reassociation fastmath permits (the oracle bounds their error by a scale, see
 * {@link KernelSource}), and which family and shape it was generated as (for the statistics and the inputs).
 *
 * @param name the method name, unique within its class
 * @param fastmath whether the annotation says {@code fastmath = true}
 * @param returnKind the return type, or null for void
 * @param parameters the parameters in order
 * @param body the statements
 * @param floatingSums names of float/double accumulators updated with {@code +=} or {@code -=}; an array element
 *     such as {@code total[0]} when the accumulator lives in memory
 * @param shape the family and shape the generator built
 * @param runningSums float/double arrays whose elements hold running sums under fastmath (prefix sums,
 *     recurrences, invariant stores): the oracle bounds each element's error by that element's own scale
 */
record Kernel(
        String name,
        boolean fastmath,
        Kind returnKind,
        List<Param> parameters,
        List<Stmt> body,
        List<String> floatingSums,
        Shape shape,
        List<String> runningSums) {

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
     * What the generator meant a kernel to exercise.
     *
     * @param family the family, counted apart in the statistics
     * @param name the shape within the family, such as {@code prefix-sum}
     */
    record Shape(Family family, String name) {
        /** Every kernel of the classic generator. */
        static final Shape CLASSIC = new Shape(Family.CLASSIC, "classic");
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

    /** A kernel of the classic shapes, without running sums in arrays. */
    Kernel(
            String name,
            boolean fastmath,
            Kind returnKind,
            List<Param> parameters,
            List<Stmt> body,
            List<String> floatingSums) {
        this(name, fastmath, returnKind, parameters, body, floatingSums, Shape.CLASSIC, List.of());
    }

    /** @return the reflective parameter types */
    Class<?>[] parameterTypes() {
        return parameters.stream().map(Param::type).toArray(Class<?>[]::new);
    }

    /** @return whether the oracle needs the companion scale method */
    boolean hasScale() {
        return fastmath && (returnKind != null && !floatingSums.isEmpty() || !runningSums.isEmpty());
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
        return new Kernel(name, fastmath, returnKind, parameters, replaced, floatingSums, shape, runningSums);
    }

    /** @return a copy with other parameters */
    Kernel withParameters(List<Param> replaced) {
        return new Kernel(name, fastmath, returnKind, replaced, body, floatingSums, shape, runningSums);
    }

    /** @return a copy without fastmath */
    Kernel withoutFastmath() {
        return new Kernel(name, false, returnKind, parameters, body, floatingSums, shape, runningSums);
    }

    /** @return a copy with other floating-point accumulators */
    Kernel withFloatingSums(List<String> replaced) {
        return new Kernel(name, fastmath, returnKind, parameters, body, replaced, shape, runningSums);
    }
}
