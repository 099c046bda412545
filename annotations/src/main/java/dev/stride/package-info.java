/**
 * The Stride annotation contract: the language users program against.
 *
 * <p>Annotate a {@code static} method with {@link dev.stride.Jit} (compile its loops), a static scalar function
 * with {@link dev.stride.Vectorize} (the annotation processor generates its element-wise array forms in the
 * companion class {@code <Owner>Ufuncs}), and mark parallel loops with
 * {@link dev.stride.Parallel} and {@link dev.stride.Prange#prange(int)}. The annotations have class retention:
 * the Stride rewriter (Maven plugin {@code stride:compile} or the {@code -javaagent}) reads them from the class
 * file; without the rewriter the methods run as the plain Java they are.
 *
 * <h2>What may appear inside a kernel</h2>
 *
 * <p>The rewriter understands, and may optimise, these constructs:
 *
 * <ul>
 *   <li>locals and parameters of the primitive types {@code int long float double boolean}, and one-dimensional
 *       arrays of {@code int long float double}; arrays of such arrays ({@code double[][]}) whose row is fixed
 *       inside the optimised loop;
 *   <li>arithmetic, comparisons, conversions, {@code if}/{@code else}, the ternary operator, {@code for},
 *       {@code while}, {@code do}, {@code break}, {@code continue}, labelled loops and early {@code return};
 *   <li>calls to {@code Math.sqrt abs min max} (exact), {@code Math.exp log pow sin cos} (vectorised only under
 *       {@link dev.stride.Jit#fastmath()}), and to small static helper methods of the same class or of other
 *       Stride kernels, which are inlined.
 * </ul>
 *
 * <p>Anything else (object allocation, field writes, calls to other methods, exceptions thrown explicitly,
 * {@code synchronized}) is allowed in the method but makes the loop containing it stay as the original scalar
 * code; the {@code --inspect} report names the construct, the reason and the line. Nothing is ever miscompiled
 * into different behaviour: a loop the rewriter does not understand is left exactly as javac wrote it.
 *
 * <h2>The semantic promise</h2>
 *
 * <p>Without {@link dev.stride.Jit#fastmath()}, a rewritten method returns bit-identical results to the plain
 * method, leaves arrays with bit-identical contents, and throws the same exceptions
 * ({@link java.lang.ArrayIndexOutOfBoundsException}, {@link java.lang.NullPointerException},
 * {@link java.lang.ArithmeticException} for integer division) at the same element, with the same partial
 * writes before it. With {@code fastmath}, floating-point {@code +} and {@code *} reductions may be reassociated
 * (their last bits may differ) and {@code Math.exp log pow sin cos} may differ from {@code Math.*} by the
 * Vector API's documented error bound (1 ulp); nothing else changes.
 */
package dev.stride;
