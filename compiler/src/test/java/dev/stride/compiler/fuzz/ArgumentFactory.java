package dev.stride.compiler.fuzz;

import dev.stride.compiler.fuzz.Kernel.Param;
import dev.stride.compiler.testing.Inputs;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * Arguments for one call of a generated kernel, chosen where SIMD and scalar code could disagree: every length
 * around the vector widths, edge values (NaN, infinities, -0.0, MIN/MAX), the same array passed for two
 * parameters, arrays a little shorter or longer than the others, out-of-range bounds and rows, and nulls;
 * for the newer kernel families also their own {@link EdgeValues}.
 */
final class ArgumentFactory {
    private final Inputs inputs;
    private final EdgeValues edges;

    /**
     * A factory.
     *
     * @param seed the seed
     * @param extremes whether floating edge values include +-MAX_VALUE (off under fastmath: reassociated sums of
     *     them overflow in an order-dependent way)
     */
    ArgumentFactory(long seed, boolean extremes) {
        this.inputs = new Inputs(seed, true, extremes);
        this.edges = new EdgeValues(inputs.random(), extremes);
    }

    /**
     * Arguments for one call.
     *
     * @param kernel the kernel
     * @param length the nominal array length
     * @return the arguments, boxed
     */
    Object[] arguments(Kernel kernel, int length) {
        Object[] arguments = new Object[kernel.parameters().size()];
        for (int k = 0; k < arguments.length; k++) {
            Param parameter = kernel.parameters().get(k);
            arguments[k] = switch (parameter.role()) {
                case ARRAY -> array(kernel, k, arguments, length);
                case BOUND -> bound(length);
                case ROW -> row(arguments);
                case SCALAR ->
                    edges.scalar(scalar(parameter.kind()), kernel.shape().family());
                case FLAG -> inputs.random().nextBoolean();
            };
        }
        return arguments;
    }

    private Object array(Kernel kernel, int position, Object[] arguments, int length) {
        Param parameter = kernel.parameters().get(position);
        int random = inputs.random().nextInt(60);
        if (random == 0) {
            return null;
        }
        if (random < 11) {
            List<Object> earlier = new ArrayList<>();
            for (int k = 0; k < position; k++) {
                if (kernel.parameters().get(k).type() == parameter.type() && arguments[k] != null) {
                    earlier.add(arguments[k]);
                }
            }
            if (!earlier.isEmpty()) {
                return earlier.get(inputs.random().nextInt(earlier.size()));
            }
        }
        int jitter = random < 17 ? inputs.random().nextInt(5) - 2 : 0;
        Object array = inputs.array(parameter.type(), Math.max(0, length + jitter));
        edges.mix(array, kernel.shape().family());
        return array;
    }

    private int bound(int length) {
        int choice = inputs.random().nextInt(10);
        if (choice < 4) {
            return inputs.random().nextInt(Math.min(length, 12) + 1);
        }
        if (choice < 6) {
            return length;
        }
        if (choice < 8) {
            return inputs.random().nextInt(length + 1);
        }
        return choice == 8 ? length + 3 : -1;
    }

    private int row(Object[] arguments) {
        Object matrix = arguments[0];
        int rows = matrix == null ? 1 : Array.getLength(matrix);
        int choice = inputs.random().nextInt(12);
        return choice == 0 ? rows : choice == 1 ? -1 : inputs.random().nextInt(Math.max(1, rows));
    }

    private Object scalar(Kind kind) {
        return switch (kind) {
            case DOUBLE -> inputs.nextDouble();
            case FLOAT -> (float) inputs.nextDouble();
            case INT -> inputs.nextInt();
            case LONG -> inputs.nextLong();
            case BYTE -> (byte) inputs.nextInt();
            case BOOLEAN -> inputs.random().nextBoolean();
        };
    }

    /**
     * A deep copy that keeps aliasing: two parameters holding the same array still do in the copy.
     *
     * @param arguments the arguments
     * @return the copy
     */
    static Object[] deepCopy(Object[] arguments) {
        return dev.stride.compiler.testing.Inputs.deepCopy(arguments);
    }
}
