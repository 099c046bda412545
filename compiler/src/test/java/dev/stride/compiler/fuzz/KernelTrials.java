package dev.stride.compiler.fuzz;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls one kernel plain and rewritten on the same arguments, trial after trial, and asks the {@link Oracle}.
 * Lengths run 0..49 (every tail around 4, 8 and 16 lanes) and then random up to 300. Trials run on a daemon
 * thread with a time limit, so a rewritten loop that never ends is reported instead of hanging the build.
 */
final class KernelTrials {
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "stride-fuzz-trials");
        thread.setDaemon(true);
        return thread;
    });
    private static final long TIME_LIMIT_SECONDS = 60;

    private final Kernel kernel;
    private final Class<?> plainClass;
    private final Class<?> rewrittenClass;
    private final int trials;

    KernelTrials(Kernel kernel, Class<?> plainClass, Class<?> rewrittenClass, int trials) {
        this.kernel = kernel;
        this.plainClass = plainClass;
        this.rewrittenClass = rewrittenClass;
        this.trials = trials;
    }

    /**
     * Runs every trial.
     *
     * @param seed the seed of the arguments
     * @return null when every trial agreed, else the first disagreement
     */
    String run(long seed) {
        Future<String> future = RUNNER.submit(() -> trials(seed));
        try {
            return future.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return "no answer within " + TIME_LIMIT_SECONDS + " s (a rewritten loop that never ends?)";
        } catch (ExecutionException e) {
            return "harness: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private String trials(long seed) throws ReflectiveOperationException {
        Class<?>[] types = kernel.parameterTypes();
        Method plain = plainClass.getMethod(kernel.name(), types);
        Method rewritten = rewrittenClass.getMethod(kernel.name(), types);
        Method scale = kernel.hasScale() ? plainClass.getMethod(kernel.name() + "$scale", types) : null;
        ArgumentFactory factory = new ArgumentFactory(seed ^ kernel.name().hashCode(), !kernel.fastmath());
        String source = KernelSource.render(kernel);
        boolean transcendental =
                kernel.fastmath() && ExpressionGenerator.TRANSCENDENTAL.stream().anyMatch(source::contains);
        Random lengths = new Random(seed);
        for (int trial = 0; trial < trials; trial++) {
            int length = trial < 50 ? trial : 50 + lengths.nextInt(251);
            Object[] arguments = factory.arguments(kernel, length);
            Object[] copy = ArgumentFactory.deepCopy(arguments);
            Object[] before = ArgumentFactory.deepCopy(arguments);
            Oracle.Tolerance tolerance = tolerance(scale, arguments, length, transcendental);
            Oracle.Outcome expected = invoke(plain, arguments);
            Oracle.Outcome actual = invoke(rewritten, copy);
            String difference = Oracle.compare(expected, actual, arguments, copy, tolerance);
            if (difference != null) {
                return "trial " + trial + " (length " + length + "): " + difference + "\n        arguments "
                        + describe(before);
            }
        }
        return null;
    }

    private Oracle.Tolerance tolerance(Method scale, Object[] arguments, int length, boolean transcendental)
            throws IllegalAccessException {
        int ulps = transcendental ? 1 : 0;
        if (scale == null) {
            return new Oracle.Tolerance(0, ulps);
        }
        Object[] scales = ArgumentFactory.deepCopy(arguments);
        Object magnitude = invoke(scale, scales).result();
        double sum = magnitude instanceof Double d ? d : 0;
        double bound = 8
                * (length + 5)
                * (kernel.returnKind() == null ? 0 : kernel.returnKind().epsilon())
                * sum;
        return new Oracle.Tolerance(bound, ulps, elementTolerances(scales, length));
    }

    /**
     * Per argument position, the tolerance of each element of a running-sum array: the scale companion left each
     * element's own scale in its copy of the array (an argument aliasing a running-sum array gets the same).
     */
    private List<double[]> elementTolerances(Object[] scales, int length) {
        List<double[]> tolerances = new ArrayList<>();
        for (Object ignored : scales) {
            tolerances.add(null);
        }
        for (int k = 0; k < scales.length; k++) {
            Kernel.Param parameter = kernel.parameters().get(k);
            if (!kernel.runningSums().contains(parameter.name()) || scales[k] == null) {
                continue;
            }
            double[] bounds = new double[Array.getLength(scales[k])];
            for (int e = 0; e < bounds.length; e++) {
                double magnitude = ((Number) Array.get(scales[k], e)).doubleValue();
                bounds[e] = 8 * (length + 5) * parameter.kind().epsilon() * Math.abs(magnitude);
            }
            for (int j = 0; j < scales.length; j++) {
                tolerances.set(j, scales[j] == scales[k] ? bounds : tolerances.get(j));
            }
        }
        return tolerances;
    }

    /** @return the arguments as Java-like text, naming parameters that share one array */
    private String describe(Object[] arguments) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < arguments.length; k++) {
            String name = kernel.parameters().get(k).name();
            int alias = -1;
            for (int j = 0; j < k; j++) {
                alias = arguments[j] != null && arguments[j] == arguments[k] ? j : alias;
            }
            String value = alias >= 0
                    ? "same array as " + kernel.parameters().get(alias).name()
                    : Arrays.deepToString(new Object[] {arguments[k]});
            text.append(k == 0 ? "" : ", ").append(name).append(" = ").append(value);
        }
        return text.toString();
    }

    private static Oracle.Outcome invoke(Method method, Object[] arguments) throws IllegalAccessException {
        try {
            return new Oracle.Outcome(method.invoke(null, arguments), null);
        } catch (InvocationTargetException e) {
            return new Oracle.Outcome(null, e.getCause().getClass());
        }
    }
}
