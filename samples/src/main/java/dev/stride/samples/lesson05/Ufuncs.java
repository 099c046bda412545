package dev.stride.samples.lesson05;

import dev.stride.Vectorize;

/**
 * Lesson 5: a ufunc. Write the function of one element; call it on whole arrays.
 *
 * <p>{@link #softClip} is an ordinary scalar function. {@code @Vectorize} makes the annotation processor generate
 * {@code UfuncsUfuncs} (the owner's name + {@code Ufuncs}, same package) with its array forms, which your IDE offers
 * as soon as javac has run once:
 *
 * <pre>{@code
 * UfuncsUfuncs.softClip(x, limit, out);        // out[i] = softClip(x[i], limit[i])
 * double[] y = UfuncsUfuncs.softClip(x, limit); // a new array
 * UfuncsUfuncs.softClip(x, limit, out, 8, 16);  // only elements 8..23
 * }</pre>
 *
 * <p>Each form is a plain loop calling {@code softClip}; the Stride plugin inlines the function into it and
 * vectorises it: the {@code if} becomes a mask, both branches are computed for all lanes and blended, and with
 * {@code fastmath} {@code Math.exp} becomes the Vector API's (within 1 ulp). Arrays of different lengths throw
 * {@link IllegalArgumentException} naming them, before anything is written.
 *
 * <p>How to run: {@code ./stride --inspect samples/target/classes --method softClip$0$0} shows the loop's verdict
 * ({@code VECTORISED 8 x double}).
 */
public final class Ufuncs {
    private Ufuncs() {}

    /**
     * A soft clip: values within the limit pass; beyond it they approach the limit exponentially.
     *
     * @param x the value
     * @param limit the limit, positive
     * @return {@code x} when {@code |x| <= limit}, else {@code ±limit * (2 - exp(limit - |x|))}
     */
    @Vectorize(fastmath = true)
    public static double softClip(double x, double limit) {
        double magnitude = Math.abs(x);
        if (magnitude <= limit) {
            return x;
        }
        double clipped = limit * (2 - Math.exp(limit - magnitude));
        return x < 0 ? -clipped : clipped;
    }
}
