package dev.stride.compiler.codegen;

import dev.stride.compiler.analysis.AffineIndex;
import dev.stride.compiler.analysis.ArrayAccess;
import dev.stride.compiler.analysis.ExprSubstitution;
import dev.stride.compiler.analysis.HoistedInvariants;
import dev.stride.compiler.analysis.Invariance;
import dev.stride.compiler.analysis.Reduction;
import dev.stride.compiler.analysis.VectorLoopPlan;
import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Variable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;
import org.objectweb.asm.commons.Method;

/**
 * Emits the two holder methods of one vectorised loop.
 *
 * <p>{@code <name>$end(params)} decides how far the SIMD loop may run: it returns the induction variable
 * unchanged (run everything scalar) unless every array is non-null, every access of the whole SIMD range is in
 * bounds, and no written array is the same object as another array the loop touches; otherwise it returns the
 * first index after the SIMD range. {@code <name>(params, end)} runs the SIMD range and returns the accumulators.
 * The original scalar loop then continues from that index: it is the tail, and it is the whole loop when the
 * checks fail, so exceptions are thrown by the original code at the original element.
 *
 * <p>Implementation notes (JIT behaviours relied on): species are {@code static final} fields of the holder so
 * C2 treats them as constants; vectors and masks live only in locals; the main loop is unmasked; the methods stay
 * below HotSpot's 8000-byte limit for compilation ({@link SimdMethodBudget} measures them and falls back to the
 * {@link LoopShape#SINGLE} shape or rejects the loop).
 */
public final class SimdLoopEmitter {
    /**
     * Independent vector accumulators per reduction in the main loop (they hide the latency of the vector add).
     * The SIMD range is then a whole number of such steps, with no single-vector loop after it: measured here, a
     * second loop continuing on the same accumulators made C2 compile the pair about 4x slower (67 us against
     * 10 us for a 64K-double sum; the hand-written Vector API version takes 9.8 us).
     */
    static final int REDUCTION_INTERLEAVE = 4;

    /** Groups of lanes per step in the main loop of an outer-loop vectorised nest. */
    static final int OUTER_INTERLEAVE = 4;

    private final ClassVisitor holder;
    private final String holderName;
    private final Function function;
    private final VectorLoopPlan plan;
    private final Invariance invariance;
    private final LoopShape shape;
    private final Map<Variable, Integer> argumentOf = new LinkedHashMap<>();
    private final String parameterDescriptors;

    /**
     * An emitter for one loop.
     *
     * @param holder the holder class being written
     * @param holderName the holder's internal name
     * @param function the lifted method
     * @param plan the loop's plan
     * @param invariance the loop's invariance
     */
    public SimdLoopEmitter(
            ClassVisitor holder, String holderName, Function function, VectorLoopPlan plan, Invariance invariance) {
        this(holder, holderName, function, plan, invariance, LoopShape.INTERLEAVED);
    }

    /**
     * An emitter for one loop in a given shape ({@link SimdMethodBudget} picks it).
     *
     * @param holder the holder class being written
     * @param holderName the holder's internal name
     * @param function the lifted method
     * @param plan the loop's plan
     * @param invariance the loop's invariance
     * @param shape interleaved (four body copies for reductions and nests) or single
     */
    public SimdLoopEmitter(
            ClassVisitor holder,
            String holderName,
            Function function,
            VectorLoopPlan plan,
            Invariance invariance,
            LoopShape shape) {
        this.shape = shape;
        this.holder = holder;
        this.holderName = holderName;
        this.function = function;
        this.plan = plan;
        this.invariance = invariance;
        StringBuilder descriptors = new StringBuilder();
        for (Variable parameter : plan.parameters()) {
            argumentOf.put(parameter, argumentOf.size());
            descriptors.append(plan.descriptors().get(parameter));
        }
        this.parameterDescriptors = descriptors.toString();
    }

    /** @return the descriptor of the {@code $end} method */
    public String endDescriptor() {
        return "(" + parameterDescriptors + ")I";
    }

    /** @return the descriptor of the loop method */
    public String loopDescriptor() {
        return "(" + parameterDescriptors + "I)" + resultType().getDescriptor();
    }

    /**
     * The loop method's return type: void, the single accumulator, or {@code long[]} of raw bits for several.
     *
     * @return the type
     */
    public Type resultType() {
        return switch (plan.reductions().size()) {
            case 0 -> Type.VOID_TYPE;
            case 1 -> plan.reductions().getFirst().kind().asmType();
            default -> Type.getType(long[].class);
        };
    }

    /**
     * Emits both methods.
     *
     * @param name the base method name
     */
    public void emit(String name) {
        emitEnd(name + "$end");
        emitLoop(name);
    }

    private GeneratorAdapter method(String name, String descriptor) {
        // public: a copy of the rewritten class in another loader (another runtime package) must still reach it
        int access = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
        return new GeneratorAdapter(holder.visitMethod(access, name, descriptor, null, null), access, name, descriptor);
    }

    void emitEnd(String name) {
        GeneratorAdapter code = method(name, endDescriptor());
        code.visitCode();
        Label bail = new Label();
        ScalarExprEmitter scalar = new ScalarExprEmitter(code, argumentOf);
        for (Map.Entry<Variable, Integer> entry : argumentOf.entrySet()) {
            if (plan.descriptors().get(entry.getKey()).startsWith("[")) {
                code.loadArg(entry.getValue());
                code.ifNull(bail);
            }
        }
        Map<ArrayAccess.ArrayBase, Integer> bases = loadBases(code, scalar, bail);
        int start = code.newLocal(Type.LONG_TYPE);
        code.loadArg(argumentOf.get(plan.counted().inductionVariable()));
        code.cast(Type.INT_TYPE, Type.LONG_TYPE);
        code.storeLocal(start);
        int end = code.newLocal(Type.LONG_TYPE);
        scalar.emit(plan.counted().bound());
        code.cast(Type.INT_TYPE, Type.LONG_TYPE);
        if (plan.counted().ivOffset() != null) {
            // iv + c < bound: iterations run while iv < bound - c, computed without int overflow
            scalar.emit(plan.counted().ivOffset());
            code.cast(Type.INT_TYPE, Type.LONG_TYPE);
            code.math(GeneratorAdapter.SUB, Type.LONG_TYPE);
        }
        if (plan.counted().inclusive()) {
            code.push(1L);
            code.math(GeneratorAdapter.ADD, Type.LONG_TYPE);
        }
        code.loadLocal(start);
        code.math(GeneratorAdapter.SUB, Type.LONG_TYPE);
        code.storeLocal(end);
        code.loadLocal(end);
        code.push(0L);
        code.ifCmp(Type.LONG_TYPE, GeneratorAdapter.LE, bail);
        VectorOps ops = new LaneOps(code, holderName, plan).lead();
        // the SIMD range: a whole number of steps (one vector, or the interleaved group of vectors)
        code.loadLocal(end);
        code.loadLocal(end);
        ops.lanes();
        code.push(unroll());
        code.math(GeneratorAdapter.MUL, Type.INT_TYPE);
        code.cast(Type.INT_TYPE, Type.LONG_TYPE);
        code.math(GeneratorAdapter.REM, Type.LONG_TYPE);
        code.math(GeneratorAdapter.SUB, Type.LONG_TYPE);
        code.loadLocal(start);
        code.math(GeneratorAdapter.ADD, Type.LONG_TYPE);
        code.storeLocal(end);
        code.loadLocal(end);
        code.loadLocal(start);
        code.ifCmp(Type.LONG_TYPE, GeneratorAdapter.EQ, bail);
        boundsChecks(code, scalar, bases, start, end, bail);
        aliasChecks(code, bases, bail);
        code.loadLocal(end);
        code.cast(Type.LONG_TYPE, Type.INT_TYPE);
        code.returnValue();
        code.mark(bail);
        code.loadArg(argumentOf.get(plan.counted().inductionVariable()));
        code.returnValue();
        code.endMethod();
    }

    /** Locals holding each array base; rows are loaded (and checked when {@code bail} is given). */
    Map<ArrayAccess.ArrayBase, Integer> loadBases(GeneratorAdapter code, ScalarExprEmitter scalar, Label bail) {
        Map<ArrayAccess.ArrayBase, Integer> bases = new LinkedHashMap<>();
        for (ArrayAccess access : plan.accesses()) {
            ArrayAccess.ArrayBase base = access.base();
            if (bases.containsKey(base)) {
                continue;
            }
            String descriptor = plan.descriptors().get(base.variable());
            Type rowType = Type.getType(base.isRow() ? descriptor.substring(1) : descriptor);
            int local = code.newLocal(rowType);
            if (!base.isRow()) {
                code.loadArg(argumentOf.get(base.variable()));
            } else {
                loadRow(code, scalar, base, bail);
            }
            code.storeLocal(local);
            if (base.isRow() && bail != null) {
                code.loadLocal(local);
                code.ifNull(bail);
            }
            bases.put(base, local);
        }
        return bases;
    }

    private void loadRow(GeneratorAdapter code, ScalarExprEmitter scalar, ArrayAccess.ArrayBase base, Label bail) {
        int row = code.newLocal(Type.INT_TYPE);
        scalar.emit(base.row());
        code.storeLocal(row);
        if (bail != null) {
            code.loadLocal(row);
            code.ifZCmp(GeneratorAdapter.LT, bail);
            code.loadLocal(row);
            code.loadArg(argumentOf.get(base.variable()));
            code.arrayLength();
            code.ifICmp(GeneratorAdapter.GE, bail);
        }
        code.loadArg(argumentOf.get(base.variable()));
        code.loadLocal(row);
        code.arrayLoad(Type.getType(Object.class));
        code.checkCast(Type.getType(plan.descriptors().get(base.variable()).substring(1)));
    }

    private void boundsChecks(
            GeneratorAdapter code,
            ScalarExprEmitter scalar,
            Map<ArrayAccess.ArrayBase, Integer> bases,
            int start,
            int end,
            Label bail) {
        for (ArrayAccess access : plan.accesses()) {
            VectorLoopPlan.InnerLoop inner = innerLoopRead(access.offset());
            if (inner == null) {
                rangeCheck(
                        code,
                        scalar,
                        access.offset(),
                        access.offset(),
                        bases.get(access.base()),
                        access,
                        start,
                        end,
                        bail);
                continue;
            }
            // the index grows with the inner counter: check its first and last value, if the inner loop runs
            Variable counter = inner.counted().inductionVariable();
            Expr last = innerLast(inner);
            Label skip = new Label();
            scalar.emit(inner.start());
            if (inner.counted().ivOffset() != null) {
                scalar.emit(inner.counted().ivOffset());
                code.math(GeneratorAdapter.ADD, Type.INT_TYPE);
            }
            scalar.emit(inner.counted().bound());
            code.ifICmp(inner.counted().inclusive() ? GeneratorAdapter.GT : GeneratorAdapter.GE, skip);
            rangeCheck(
                    code,
                    scalar,
                    ExprSubstitution.replace(access.offset(), Map.of(counter, inner.start())),
                    ExprSubstitution.replace(access.offset(), Map.of(counter, last)),
                    bases.get(access.base()),
                    access,
                    start,
                    end,
                    bail);
            code.mark(skip);
        }
    }

    private VectorLoopPlan.InnerLoop innerLoopRead(Expr offset) {
        for (VectorLoopPlan.InnerLoop inner : plan.innerLoops()) {
            if (ExprWalk.reads(offset, inner.counted().inductionVariable())) {
                return inner;
            }
        }
        return null;
    }

    private static Expr innerLast(VectorLoopPlan.InnerLoop inner) {
        Expr bound = inner.counted().ivOffset() == null
                ? inner.counted().bound()
                : new Expr.Binary(
                        dev.stride.compiler.ir.BinaryOp.SUB,
                        inner.counted().bound(),
                        inner.counted().ivOffset(),
                        Kind.INT,
                        0);
        return inner.counted().inclusive()
                ? bound
                : new Expr.Binary(
                        dev.stride.compiler.ir.BinaryOp.SUB, bound, new Expr.Const(1, Kind.INT, 0), Kind.INT, 0);
    }

    /** Bails unless {@code start + low >= 0} and {@code end - 1 + high < length}. */
    private void rangeCheck(
            GeneratorAdapter code,
            ScalarExprEmitter scalar,
            Expr low,
            Expr high,
            Integer baseLocal,
            ArrayAccess access,
            int start,
            int end,
            Label bail) {
        int offset = code.newLocal(Type.LONG_TYPE);
        scalar.emit(low);
        code.cast(Type.INT_TYPE, Type.LONG_TYPE);
        code.storeLocal(offset);
        code.loadLocal(start);
        code.loadLocal(offset);
        code.math(GeneratorAdapter.ADD, Type.LONG_TYPE);
        code.push(0L);
        code.ifCmp(Type.LONG_TYPE, GeneratorAdapter.LT, bail);
        scalar.emit(high);
        code.cast(Type.INT_TYPE, Type.LONG_TYPE);
        code.storeLocal(offset);
        code.loadLocal(end);
        code.push(1L);
        code.math(GeneratorAdapter.SUB, Type.LONG_TYPE);
        code.loadLocal(offset);
        code.math(GeneratorAdapter.ADD, Type.LONG_TYPE);
        pushBase(code, baseLocal, access);
        code.arrayLength();
        code.cast(Type.INT_TYPE, Type.LONG_TYPE);
        code.ifCmp(Type.LONG_TYPE, GeneratorAdapter.GE, bail);
    }

    private void pushBase(GeneratorAdapter code, Integer baseLocal, ArrayAccess access) {
        if (baseLocal != null) {
            code.loadLocal(baseLocal);
        } else {
            code.loadArg(argumentOf.get(access.base().variable()));
        }
    }

    private void aliasChecks(GeneratorAdapter code, Map<ArrayAccess.ArrayBase, Integer> bases, Label bail) {
        for (List<ArrayAccess.ArrayBase> pair : plan.aliasChecks()) {
            code.loadLocal(bases.get(pair.get(0)));
            code.loadLocal(bases.get(pair.get(1)));
            code.ifCmp(Type.getType(Object.class), GeneratorAdapter.EQ, bail);
        }
    }

    private void emitLoop(String name) {
        GeneratorAdapter code = method(name, loopDescriptor());
        code.visitCode();
        ScalarExprEmitter scalar = new ScalarExprEmitter(code, argumentOf);
        LaneOps laneOps = new LaneOps(code, holderName, plan);
        VectorOps ops = laneOps.lead();
        int induction = code.newLocal(Type.INT_TYPE);
        code.loadArg(argumentOf.get(plan.counted().inductionVariable()));
        code.storeLocal(induction);
        Map<ArrayAccess.ArrayBase, Integer> bases = plan.isOuter() ? Map.of() : loadBases(code, scalar, null);
        Map<Expr, Integer> offsets = plan.isOuter() ? Map.of() : hoistOffsets(code, scalar);
        Map<Expr, Integer> broadcasts = hoistBroadcasts(code, scalar, laneOps);
        int unroll = unroll();
        if (plan.isOuter() && shape == LoopShape.INTERLEAVED) {
            interleavedOuterLoop(code, laneOps, induction, broadcasts);
        }
        List<Map<Variable, Integer>> accumulators = new java.util.ArrayList<>();
        for (int u = 0; u < unroll; u++) {
            accumulators.add(newAccumulators(code, scalar, laneOps));
        }
        if (unroll > 1) {
            // the SIMD range is a whole number of interleaved steps ($end): no single-vector loop after it
            interleavedLoop(code, laneOps, induction, unroll, accumulators, broadcasts, offsets, bases);
            combineAccumulators(laneOps, accumulators);
            new ReductionResults(code, plan, laneOps, argumentOf).emit(accumulators.getFirst());
            code.returnValue();
            code.endMethod();
            return;
        }
        Label top = code.mark();
        Label done = new Label();
        code.loadLocal(induction);
        code.loadArg(argumentOf.size());
        code.ifICmp(GeneratorAdapter.GE, done);
        BodyEmitter body = new BodyEmitter(
                code, function, plan, invariance, laneOps, induction, broadcasts, offsets, bases, argumentOf);
        Map<Variable, Integer> env;
        if (plan.isOuter()) {
            env = new LinkedHashMap<>(accumulators.getFirst());
            new OuterBodyEmitter(code, function, plan, body, laneOps, List.of(induction), argumentOf)
                    .emit(List.of(env));
        } else {
            env = body.emit(accumulators.getFirst());
        }
        storeBack(code, accumulators.getFirst(), env);
        code.loadLocal(induction);
        ops.lanes();
        code.math(GeneratorAdapter.ADD, Type.INT_TYPE);
        code.storeLocal(induction);
        code.goTo(top);
        code.mark(done);
        combineAccumulators(laneOps, accumulators);
        new ReductionResults(code, plan, laneOps, argumentOf).emit(accumulators.getFirst());
        code.returnValue();
        code.endMethod();
    }

    /** Vector steps per iteration of the main loop: interleaved accumulators for reductions, else one. */
    private int unroll() {
        return plan.reductions().isEmpty() || plan.isOuter() || shape == LoopShape.SINGLE ? 1 : REDUCTION_INTERLEAVE;
    }

    private Map<Variable, Integer> newAccumulators(GeneratorAdapter code, ScalarExprEmitter scalar, LaneOps laneOps) {
        Map<Variable, Integer> accumulators = new LinkedHashMap<>();
        for (Reduction reduction : plan.reductions()) {
            VectorOps ops = laneOps.of(reduction.kind());
            int identity = code.newLocal(reduction.kind().asmType());
            scalar.push(reduction.op().identity(reduction.kind()), reduction.kind());
            code.storeLocal(identity);
            ops.broadcastFromScalarOnStack(identity);
            int vector = code.newLocal(ops.vectorType());
            code.storeLocal(vector);
            accumulators.put(reduction.variable(), vector);
        }
        return accumulators;
    }

    /**
     * The main loop of a reduction, {@code unroll} vector steps per iteration, each step with its own accumulators:
     * independent dependency chains hide the latency of the vector add (measured here: a single-accumulator
     * double sum is latency-bound at about a quarter of the throughput).
     */
    private void interleavedLoop(
            GeneratorAdapter code,
            LaneOps laneOps,
            int induction,
            int unroll,
            List<Map<Variable, Integer>> accumulators,
            Map<Expr, Integer> broadcasts,
            Map<Expr, Integer> offsets,
            Map<ArrayAccess.ArrayBase, Integer> bases) {
        VectorOps ops = laneOps.lead();
        int limit = stepLimit(code, ops, unroll);
        Label top = code.mark();
        Label done = new Label();
        code.loadLocal(induction);
        code.loadLocal(limit);
        code.ifICmp(GeneratorAdapter.GE, done);
        for (int u = 0; u < unroll; u++) {
            int step = code.newLocal(Type.INT_TYPE);
            code.loadLocal(induction);
            ops.lanes();
            code.push(u);
            code.math(GeneratorAdapter.MUL, Type.INT_TYPE);
            code.math(GeneratorAdapter.ADD, Type.INT_TYPE);
            code.storeLocal(step);
            BodyEmitter body = new BodyEmitter(
                    code, function, plan, invariance, laneOps, step, broadcasts, offsets, bases, argumentOf);
            storeBack(code, accumulators.get(u), body.emit(accumulators.get(u)));
        }
        advance(code, ops, induction, unroll);
        code.goTo(top);
        code.mark(done);
    }

    /**
     * The main loop of an outer-loop nest: {@link #OUTER_INTERLEAVE} groups of lanes per step (for 8 doubles, 32
     * consecutive outer iterations), each with its own accumulators, sharing one inner-loop counter.
     */
    private void interleavedOuterLoop(
            GeneratorAdapter code, LaneOps laneOps, int induction, Map<Expr, Integer> broadcasts) {
        VectorOps ops = laneOps.lead();
        int limit = stepLimit(code, ops, OUTER_INTERLEAVE);
        Label top = code.mark();
        Label done = new Label();
        code.loadLocal(induction);
        code.loadLocal(limit);
        code.ifICmp(GeneratorAdapter.GE, done);
        List<Integer> starts = new java.util.ArrayList<>();
        List<Map<Variable, Integer>> envs = new java.util.ArrayList<>();
        for (int g = 0; g < OUTER_INTERLEAVE; g++) {
            int start = code.newLocal(Type.INT_TYPE);
            code.loadLocal(induction);
            ops.lanes();
            code.push(g);
            code.math(GeneratorAdapter.MUL, Type.INT_TYPE);
            code.math(GeneratorAdapter.ADD, Type.INT_TYPE);
            code.storeLocal(start);
            starts.add(start);
            envs.add(new LinkedHashMap<>());
        }
        BodyEmitter body = new BodyEmitter(
                code, function, plan, invariance, laneOps, induction, broadcasts, Map.of(), Map.of(), argumentOf);
        new OuterBodyEmitter(code, function, plan, body, laneOps, starts, argumentOf).emit(envs);
        advance(code, ops, induction, OUTER_INTERLEAVE);
        code.goTo(top);
        code.mark(done);
    }

    /**
     * The loop limit for steps of {@code steps} vectors: {@code end - steps * lanes + 1}, computed in long and
     * clamped to int, so the loop test is a plain {@code i < limit}. C2 recognises only such int tests as counted
     * loops; measured here, a loop tested in long arithmetic ran the 64K-element sum several times slower.
     */
    private int stepLimit(GeneratorAdapter code, VectorOps ops, int steps) {
        code.loadArg(argumentOf.size());
        code.cast(Type.INT_TYPE, Type.LONG_TYPE);
        ops.lanes();
        code.push(steps);
        code.math(GeneratorAdapter.MUL, Type.INT_TYPE);
        code.cast(Type.INT_TYPE, Type.LONG_TYPE);
        code.math(GeneratorAdapter.SUB, Type.LONG_TYPE);
        code.push(1L);
        code.math(GeneratorAdapter.ADD, Type.LONG_TYPE);
        code.push((long) Integer.MIN_VALUE);
        code.invokeStatic(Type.getType(Math.class), new Method("max", "(JJ)J"));
        code.cast(Type.LONG_TYPE, Type.INT_TYPE);
        int limit = code.newLocal(Type.INT_TYPE);
        code.storeLocal(limit);
        return limit;
    }

    /** {@code induction += steps * lanes}. */
    private static void advance(GeneratorAdapter code, VectorOps ops, int induction, int steps) {
        code.loadLocal(induction);
        ops.lanes();
        code.push(steps);
        code.math(GeneratorAdapter.MUL, Type.INT_TYPE);
        code.math(GeneratorAdapter.ADD, Type.INT_TYPE);
        code.storeLocal(induction);
    }

    private static void storeBack(
            GeneratorAdapter code, Map<Variable, Integer> accumulators, Map<Variable, Integer> env) {
        for (Map.Entry<Variable, Integer> accumulator : accumulators.entrySet()) {
            code.loadLocal(env.get(accumulator.getKey()));
            code.storeLocal(accumulator.getValue());
        }
    }

    /** Folds the interleaved accumulators into the first, lane by lane. */
    private void combineAccumulators(LaneOps laneOps, List<Map<Variable, Integer>> accumulators) {
        for (Reduction reduction : plan.reductions()) {
            VectorOps ops = laneOps.of(reduction.kind());
            int first = accumulators.getFirst().get(reduction.variable());
            for (Map<Variable, Integer> other : accumulators.subList(1, accumulators.size())) {
                ops.binaryOn(first, reduction.op().name(), other.get(reduction.variable()));
                ops.storeTo(first);
            }
        }
    }

    Map<Expr, Integer> hoistOffsets(GeneratorAdapter code, ScalarExprEmitter scalar) {
        Map<Expr, Integer> offsets = new LinkedHashMap<>();
        for (ArrayAccess access : plan.accesses()) {
            if (!AffineIndex.isZero(access.offset()) && !offsets.containsKey(access.offset())) {
                int local = code.newLocal(Type.INT_TYPE);
                scalar.emit(access.offset());
                code.storeLocal(local);
                offsets.put(access.offset(), local);
            }
        }
        return offsets;
    }

    /**
     * Computes every loop-invariant value used per lane once, before the loop, as a broadcast vector: the list
     * {@link HoistedInvariants} decided (and the report shows).
     */
    Map<Expr, Integer> hoistBroadcasts(GeneratorAdapter code, ScalarExprEmitter scalar, LaneOps laneOps) {
        Map<Expr, Integer> broadcasts = new LinkedHashMap<>();
        Map<String, Integer> byKey = new HashMap<>();
        for (Expr e : HoistedInvariants.of(function, plan, invariance)) {
            Integer same = byKey.get(HoistedInvariants.key(e));
            if (same != null) {
                broadcasts.put(e, same); // the same value read on another line: one broadcast
                continue;
            }
            // each value is broadcast in its own kind: Java's conversions are explicit nodes of the loop body
            VectorOps ops = laneOps.of(e.kind());
            int value = code.newLocal(e.kind().asmType());
            scalar.emit(e);
            code.storeLocal(value);
            ops.broadcastFromScalarOnStack(value);
            int vector = code.newLocal(ops.vectorType());
            code.storeLocal(vector);
            broadcasts.put(e, vector);
            byKey.put(HoistedInvariants.key(e), vector);
        }
        return broadcasts;
    }
}
