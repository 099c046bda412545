package dev.stride.compiler.codegen;

import dev.stride.compiler.analysis.ArrayAccess;
import dev.stride.compiler.analysis.Invariance;
import dev.stride.compiler.analysis.Scan;
import dev.stride.compiler.analysis.ScanPlan;
import dev.stride.compiler.analysis.VectorLoopPlan;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Emits the two holder methods of a loop planned as a scan ({@link ScanPlan}) and patches the loop's entry.
 *
 * <p>{@code <name>$end} is the ordinary one ({@link SimdLoopEmitter}: nulls, bounds of the whole SIMD range,
 * aliasing), so a failing check runs the original loop, which throws where plain Java throws. {@code
 * <name>(params, end)} runs the SIMD range one vector per step: the body's statements in order, lanewise, except
 * the scan's update, which becomes the operand vector's in-register prefix ({@link InRegisterScan}) combined with
 * the carried value of the previous step; the carry then takes in the prefix's last lane. It returns the scalar's
 * value after the range, which the patched method stores back before the original loop runs the tail.
 *
 * <p>Implementation notes: species from {@code static final} fields of the holder; vectors only in locals; an
 * unmasked main loop whose limit is a multiple of the lanes (the {@code $end} method's range); a few hundred bytes
 * per method.
 */
public final class ScanLoopEmitter {
    private final ClassVisitor holder;
    private final String holderName;
    private final Function function;
    private final ScanPlan plan;
    private final Invariance invariance;
    private final SimdLoopEmitter ordinary;
    private final Map<Variable, Integer> argumentOf = new LinkedHashMap<>();
    private final String parameterDescriptors;

    /**
     * An emitter for one scan loop.
     *
     * @param holder the holder class being written
     * @param holderName the holder's internal name
     * @param function the lifted method
     * @param plan the loop's scan plan
     * @param invariance the loop's invariance
     */
    public ScanLoopEmitter(
            ClassVisitor holder, String holderName, Function function, ScanPlan plan, Invariance invariance) {
        this.holder = holder;
        this.holderName = holderName;
        this.function = function;
        this.plan = plan;
        this.invariance = invariance;
        this.ordinary = new SimdLoopEmitter(holder, holderName, function, plan.vector(), invariance);
        StringBuilder descriptors = new StringBuilder();
        for (Variable parameter : plan.vector().parameters()) {
            argumentOf.put(parameter, argumentOf.size());
            descriptors.append(plan.vector().descriptors().get(parameter));
        }
        this.parameterDescriptors = descriptors.toString();
    }

    /** @return the descriptor of the loop method: the parameters and the end, returning the scalar */
    public String loopDescriptor() {
        return "(" + parameterDescriptors + "I)" + plan.scan().kind().asmType().getDescriptor();
    }

    /**
     * Emits both methods into the holder and inserts their call on the loop's entry edge.
     *
     * @param name the base method name
     * @param site the loop's header site, taken before any patching
     */
    public void emitAndPatch(String name, PreheaderPatcher.HeaderSite site) {
        ordinary.emitEnd(name + "$end");
        emitLoop(name);
        Scan scan = plan.scan();
        PreheaderPatcher.patch(
                function,
                plan.vector(),
                site,
                holderName,
                name,
                ordinary.endDescriptor(),
                loopDescriptor(),
                results -> {
                    InsnList store = new InsnList();
                    store.add(new VarInsnNode(
                            scan.kind().asmType().getOpcode(Opcodes.ISTORE),
                            scan.variable().slot()));
                    return store;
                });
    }

    private void emitLoop(String name) {
        int access = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
        GeneratorAdapter code = new GeneratorAdapter(
                holder.visitMethod(access, name, loopDescriptor(), null, null), access, name, loopDescriptor());
        code.visitCode();
        VectorLoopPlan vector = plan.vector();
        Scan scan = plan.scan();
        ScalarExprEmitter scalar = new ScalarExprEmitter(code, argumentOf);
        LaneOps laneOps = new LaneOps(code, holderName, vector);
        VectorOps ops = laneOps.of(scan.kind());
        int induction = code.newLocal(Type.INT_TYPE);
        code.loadArg(argumentOf.get(vector.counted().inductionVariable()));
        code.storeLocal(induction);
        Map<ArrayAccess.ArrayBase, Integer> bases = ordinary.loadBases(code, scalar, null);
        Map<Expr, Integer> offsets = ordinary.hoistOffsets(code, scalar);
        Map<Expr, Integer> broadcasts = ordinary.hoistBroadcasts(code, scalar, laneOps);
        int identity = broadcast(code, ops, () -> scalar.push(scan.operator().identity(scan.kind()), scan.kind()));
        int carry = broadcast(code, ops, () -> code.loadArg(argumentOf.get(scan.variable())));
        InRegisterScan steps = new InRegisterScan(code, ops, scan, scan.kind(), vector.lanes());
        steps.lastLaneShuffle();
        int lastShuffle = code.newLocal(Type.getObjectType("jdk/incubator/vector/VectorShuffle"));
        code.storeLocal(lastShuffle);
        Label top = code.mark();
        Label done = new Label();
        code.loadLocal(induction);
        code.loadArg(argumentOf.size());
        code.ifICmp(GeneratorAdapter.GE, done);
        BodyEmitter body = new BodyEmitter(
                code, function, vector, invariance, laneOps, induction, broadcasts, offsets, bases, argumentOf);
        Step step = new Step(code, ops, body, steps, identity, carry, lastShuffle);
        Map<Variable, Integer> env = new HashMap<>();
        for (Stmt stmt : plan.statements()) {
            step.statement(stmt, env);
        }
        code.loadLocal(induction);
        ops.lanes();
        code.math(GeneratorAdapter.ADD, Type.INT_TYPE);
        code.storeLocal(induction);
        code.goTo(top);
        code.mark(done);
        code.loadLocal(carry);
        code.push(0);
        steps.lane();
        code.returnValue();
        code.endMethod();
    }

    /**
     * One vector step of the body: each statement lanewise, the scan's update as prefix, combination with the
     * carry, and the carry's advance.
     */
    private final class Step {
        private final GeneratorAdapter code;
        private final VectorOps ops;
        private final BodyEmitter body;
        private final InRegisterScan steps;
        private final int identity;
        private final int carry;
        private final int lastShuffle;

        Step(
                GeneratorAdapter code,
                VectorOps ops,
                BodyEmitter body,
                InRegisterScan steps,
                int identity,
                int carry,
                int lastShuffle) {
            this.code = code;
            this.ops = ops;
            this.body = body;
            this.steps = steps;
            this.identity = identity;
            this.carry = carry;
            this.lastShuffle = lastShuffle;
        }

        void statement(Stmt stmt, Map<Variable, Integer> env) {
            switch (stmt) {
                case Stmt.Store store when store == plan.scan().update() -> update(env);
                case Stmt.Store store -> env.put(store.variable(), body.vector(store.value(), env));
                case Stmt.ArrayStore store -> body.storeLanes(store, body.vector(store.value(), env));
                default -> throw new IllegalStateException("not in a scan plan: " + stmt);
            }
        }

        /** The scanned value of this step's lanes becomes the scalar's value in the body that follows. */
        private void update(Map<Variable, Integer> env) {
            Scan scan = plan.scan();
            int operand = body.vector(scan.operand(), env);
            int prefix = code.newLocal(ops.vectorType());
            if (scan.negated()) {
                ops.unaryOn(operand, "NEG");
            } else {
                code.loadLocal(operand);
            }
            code.storeLocal(prefix);
            steps.prefix(prefix, identity);
            int value = code.newLocal(ops.vectorType());
            steps.combineInto(carry, prefix, value);
            steps.advanceCarry(prefix, lastShuffle, carry);
            env.put(scan.variable(), value);
        }
    }

    /** A vector local holding, in every lane, the scalar that {@code push} leaves on the stack. */
    private int broadcast(GeneratorAdapter code, VectorOps ops, Runnable push) {
        int scalar = code.newLocal(ops.kind().asmType());
        push.run();
        code.storeLocal(scalar);
        ops.broadcastFromScalarOnStack(scalar);
        int vector = code.newLocal(ops.vectorType());
        code.storeLocal(vector);
        return vector;
    }
}
