package dev.stride.compiler.fuzz;

import dev.stride.compiler.fuzz.Kernel.Param;
import dev.stride.compiler.fuzz.Kernel.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The frame of a single-loop kernel before its body exists: parameters, the arrays the body reads and writes,
 * the index offsets it uses and the loop's start and bound. The start and bound usually keep every access in
 * range ({@code start = -minimumOffset}, {@code bound = a.length - maximumOffset}); sometimes the bound is an
 * {@code int} parameter, which the fuzzer sets out of range on purpose.
 */
final class KernelFrame {
    final Kind kind;
    final List<Param> parameters;
    final List<String> arrays;
    final List<String> outputs = new ArrayList<>();
    final List<Expr> scalars = new ArrayList<>();
    final List<Stmt> prologue = new ArrayList<>();
    final boolean reduction;
    final String lengthArray;
    int minimumOffset;
    int maximumOffset;
    Expr start;
    Expr bound;
    String compare = "<";
    boolean whileForm;

    KernelFrame(Kind kind, List<Param> parameters, List<String> arrays, String lengthArray, boolean reduction) {
        this.kind = kind;
        this.parameters = parameters;
        this.arrays = new ArrayList<>(arrays);
        this.lengthArray = lengthArray;
        this.reduction = reduction;
        this.start = new Expr.Const(Kind.INT, 0);
        this.bound = new Expr.Var(Kind.INT, lengthArray + ".length");
        if (!reduction) {
            outputs.add(lengthArray);
        }
    }

    /**
     * A frame over one-dimensional arrays {@code a}, maybe {@code b} and {@code c}, an output {@code out} (or
     * {@code a} in place), maybe a scalar {@code s} and a bound {@code n}.
     *
     * @param kind the element kind
     * @param random the source of choices
     * @param reduction whether the body will reduce (then an output array is optional)
     * @return the frame, offsets and bounds chosen
     */
    static KernelFrame oneDimensional(Kind kind, Random random, boolean reduction) {
        List<Param> parameters = new ArrayList<>();
        List<String> arrays = new ArrayList<>(List.of("a"));
        parameters.add(new Param(kind, 1, "a", Role.ARRAY));
        for (String name : List.of("b", "c")) {
            if (random.nextInt(name.equals("b") ? 2 : 7) == 0) {
                parameters.add(new Param(kind, 1, name, Role.ARRAY));
                arrays.add(name);
            }
        }
        boolean inPlace = !reduction && random.nextInt(5) == 0;
        boolean output = !reduction || random.nextInt(6) == 0;
        if (output && !inPlace) {
            parameters.add(new Param(kind, 1, "out", Role.ARRAY));
        }
        if (!reduction && random.nextInt(5) == 0) {
            parameters.add(new Param(kind, 1, "out2", Role.ARRAY));
        }
        KernelFrame frame = new KernelFrame(kind, parameters, arrays, "a", reduction);
        frame.outputs.clear();
        if (output) {
            frame.outputs.add(inPlace ? "a" : "out");
        }
        if (parameters.stream().anyMatch(p -> p.name().equals("out2"))) {
            frame.outputs.add("out2");
        }
        if (random.nextInt(5) < 2) {
            parameters.add(new Param(kind, 0, "s", Role.SCALAR));
            frame.scalars.add(new Expr.Var(kind, "s"));
        }
        frame.chooseRange(random);
        return frame;
    }

    /** Picks offsets, start and bound: mostly in range, sometimes a parameter bound or an unguarded offset. */
    void chooseRange(Random random) {
        if (random.nextInt(5) < 2) {
            minimumOffset = -random.nextInt(3);
            maximumOffset = random.nextInt(4);
        }
        if (random.nextInt(8) != 0) {
            start = new Expr.Const(Kind.INT, -minimumOffset);
        }
        int boundChoice = random.nextInt(10);
        if (boundChoice < 3) {
            parameters.add(new Param(Kind.INT, 0, "n", Role.BOUND));
            bound = new Expr.Var(Kind.INT, "n");
        } else if (boundChoice < 9 && maximumOffset > 0) {
            bound = new Expr.Binary(
                    Kind.INT,
                    "-",
                    new Expr.Var(Kind.INT, lengthArray + ".length"),
                    new Expr.Const(Kind.INT, maximumOffset));
        }
        if (random.nextInt(8) == 0) {
            compare = "<=";
            bound = new Expr.Binary(Kind.INT, "-", bound, new Expr.Const(Kind.INT, 1));
        }
        whileForm = random.nextInt(10) == 0;
    }

    /** @return a fresh scope for the loop body */
    Scope scope() {
        Scope scope = new Scope(kind, "i", arrays);
        scope.values.addAll(scalars);
        scope.minimumOffset = minimumOffset;
        scope.maximumOffset = maximumOffset;
        return scope;
    }
}
