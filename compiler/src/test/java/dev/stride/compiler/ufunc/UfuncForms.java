package dev.stride.compiler.ufunc;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classifies the public methods of a generated companion class by reading their signatures against the owner's
 * scalar functions, so the differential test covers every generated form without listing them by hand.
 */
final class UfuncForms {

    /** What shape a generated method has. */
    enum Shape {
        OUT,
        ALLOCATING,
        RANGE,
        REDUCE,
        REDUCE_RANGE,
        ACCUMULATE
    }

    /**
     * One generated method and the scalar function it applies.
     *
     * @param method the generated method
     * @param function the scalar function
     * @param shape its shape
     * @param scalars for element forms: which parameters of the function are broadcast scalars
     */
    record Form(Method method, Method function, Shape shape, boolean[] scalars) {
        @Override
        public String toString() {
            return method.getName()
                    + Arrays.toString(method.getParameterTypes()).replace("class ", "");
        }
    }

    private UfuncForms() {}

    /**
     * Every public method of a companion, classified.
     *
     * @param companion the generated class
     * @param owner the class declaring the functions
     * @return the forms
     */
    static List<Form> of(Class<?> companion, Class<?> owner) {
        List<Form> forms = new ArrayList<>();
        for (Method method : companion.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers())) {
                forms.add(classify(method, owner));
            }
        }
        forms.sort(java.util.Comparator.comparing(Form::toString));
        return forms;
    }

    private static Form classify(Method method, Class<?> owner) {
        String name = method.getName();
        Class<?>[] parameters = method.getParameterTypes();
        for (String suffix : List.of("Reduce", "Accumulate")) {
            if (name.endsWith(suffix)) {
                Method function = function(owner, name.substring(0, name.length() - suffix.length()), 2);
                Shape shape = suffix.equals("Accumulate")
                        ? Shape.ACCUMULATE
                        : parameters.length == 1 ? Shape.REDUCE : Shape.REDUCE_RANGE;
                return new Form(method, function, shape, new boolean[2]);
            }
        }
        boolean returnsArray = method.getReturnType().isArray();
        int arity =
                returnsArray ? parameters.length : isRange(parameters) ? parameters.length - 3 : parameters.length - 1;
        Shape shape = returnsArray ? Shape.ALLOCATING : isRange(parameters) ? Shape.RANGE : Shape.OUT;
        Method function = function(owner, name, arity);
        boolean[] scalars = new boolean[arity];
        for (int k = 0; k < arity; k++) {
            scalars[k] = !parameters[k].isArray();
        }
        return new Form(method, function, shape, scalars);
    }

    private static boolean isRange(Class<?>[] parameters) {
        int n = parameters.length;
        return n >= 4
                && parameters[n - 1] == int.class
                && parameters[n - 2] == int.class
                && parameters[n - 3].isArray();
    }

    private static Method function(Class<?> owner, String name, int arity) {
        for (Method candidate : owner.getDeclaredMethods()) {
            if (candidate.getName().equals(name) && candidate.getParameterCount() == arity) {
                candidate.setAccessible(true);
                return candidate;
            }
        }
        throw new AssertionError("no function " + name + " of arity " + arity + " in " + owner);
    }
}
