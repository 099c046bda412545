package dev.stride.compiler.codegen;

import dev.stride.compiler.analysis.ExprSubstitution;
import dev.stride.compiler.analysis.OuterVectorizationAnalysis;
import dev.stride.compiler.analysis.VectorLoopPlan;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;

/**
 * Emits one step of an outer-loop vectorised nest: the outer body's straight-line statements across lanes, and
 * each inner loop as scalar control flow (its counter is the same in every lane) around its vectorised body.
 *
 * <p>A step covers one or more <em>groups</em> of lanes: group g starts at outer index {@code k_g}. With several
 * groups (the interleaved main loop) each inner iteration advances every group's own accumulators, so the
 * independent dependency chains hide the latency of the floating-point add (measured: 32 windows per step ran
 * about 1.4x faster than 8 in VECTOR-API-NOTES). Locals assigned inside an inner loop get one fixed vector local
 * per group for the whole loop, so each lane repeats exactly the scalar sequence of its own outer iteration.
 */
final class OuterBodyEmitter {
    private final GeneratorAdapter code;
    private final Function function;
    private final VectorLoopPlan plan;
    private final BodyEmitter lanes;
    private final LaneOps ops;
    private final List<Integer> groupStarts;
    private final Map<Variable, Integer> argumentOf;
    private final Map<Variable, Integer> counters = new HashMap<>();
    private int group;

    OuterBodyEmitter(
            GeneratorAdapter code,
            Function function,
            VectorLoopPlan plan,
            BodyEmitter lanes,
            LaneOps ops,
            List<Integer> groupStarts,
            Map<Variable, Integer> argumentOf) {
        this.code = code;
        this.function = function;
        this.plan = plan;
        this.lanes = lanes;
        this.ops = ops;
        this.groupStarts = groupStarts;
        this.argumentOf = argumentOf;
        for (VectorLoopPlan.InnerLoop inner : plan.innerLoops()) {
            counters.put(inner.counted().inductionVariable(), code.newLocal(Type.INT_TYPE));
        }
        lanes.setAddressing(new BodyEmitter.Addressing() {
            @Override
            public void pushArray(Expr array) {
                OuterBodyEmitter.this.pushArray(array);
            }

            @Override
            public void index(Expr index) {
                pushIndex(index);
            }
        });
    }

    /** Pushes the array of an access (arguments only: rows are rejected by the analysis). */
    private void pushArray(Expr array) {
        code.loadArg(argumentOf.get(((Expr.Read) array).variable()));
    }

    /** Pushes {@code k_g + rest} for an index, for the current group g. */
    private void pushIndex(Expr index) {
        Expr expanded = ExprSubstitution.replace(index, plan.affinePrivates());
        Expr rest = OuterVectorizationAnalysis.restOf(expanded, plan.counted().inductionVariable(), e -> true);
        code.loadLocal(groupStarts.get(group));
        new ScalarExprEmitter(code, argumentOf, counters).emit(rest);
        code.math(GeneratorAdapter.ADD, Type.INT_TYPE);
    }

    /** Emits the body for every group; {@code envs.get(g)} maps locals to group g's vector locals. */
    void emit(List<Map<Variable, Integer>> envs) {
        Set<Integer> innerBlocks = new HashSet<>();
        Map<Integer, VectorLoopPlan.InnerLoop> byHeader = new LinkedHashMap<>();
        for (VectorLoopPlan.InnerLoop inner : plan.innerLoops()) {
            innerBlocks.addAll(inner.counted().loop().blocks());
            byHeader.put(inner.counted().loop().header(), inner);
        }
        for (int id : plan.bodyOrder()) {
            if (byHeader.containsKey(id)) {
                innerLoop(byHeader.get(id), envs);
            } else if (!innerBlocks.contains(id)) {
                for (group = 0; group < groupStarts.size(); group++) {
                    for (Stmt stmt : function.blocks().get(id).statements()) {
                        if (stmt != plan.counted().increment()) {
                            statement(stmt, envs.get(group));
                        }
                    }
                }
            }
        }
    }

    private void statement(Stmt stmt, Map<Variable, Integer> env) {
        switch (stmt) {
            case Stmt.Store store -> {
                Variable variable = store.variable();
                if (counters.containsKey(variable)) {
                    if (group == 0) {
                        new ScalarExprEmitter(code, argumentOf, counters).emit(store.value());
                        code.storeLocal(counters.get(variable));
                    }
                } else if (!plan.affinePrivates().containsKey(variable)) {
                    env.put(variable, lanes.vector(store.value(), env));
                }
            }
            case Stmt.ArrayStore store -> {
                int value = lanes.vector(store.value(), env);
                code.loadLocal(value);
                pushArray(store.array());
                pushIndex(store.index());
                ops.of(store.elementKind()).intoArray(false);
            }
            default -> {
                // jumps and the inner headers' tests are emitted as structured control flow
            }
        }
    }

    private void innerLoop(VectorLoopPlan.InnerLoop inner, List<Map<Variable, Integer>> envs) {
        Block body = function.blocks().get(inner.body());
        List<Map<Variable, Integer>> carried = new ArrayList<>();
        for (Map<Variable, Integer> env : envs) {
            carried.add(fixLocals(body, inner, env));
        }
        int counter = counters.get(inner.counted().inductionVariable());
        Label test = code.mark();
        Label done = new Label();
        code.loadLocal(counter);
        if (inner.counted().ivOffset() != null) {
            new ScalarExprEmitter(code, argumentOf, counters)
                    .emit(inner.counted().ivOffset());
            code.math(GeneratorAdapter.ADD, Type.INT_TYPE);
        }
        new ScalarExprEmitter(code, argumentOf, counters).emit(inner.counted().bound());
        code.ifICmp(inner.counted().inclusive() ? GeneratorAdapter.GT : GeneratorAdapter.GE, done);
        for (group = 0; group < groupStarts.size(); group++) {
            for (Stmt stmt : body.statements()) {
                if (stmt instanceof Stmt.Store store && stmt != inner.counted().increment()) {
                    int value = lanes.vector(store.value(), envs.get(group));
                    code.loadLocal(value);
                    code.storeLocal(carried.get(group).get(store.variable()));
                }
            }
        }
        code.iinc(counter, 1);
        code.goTo(test);
        code.mark(done);
    }

    /** Gives every local the inner body assigns one vector local for the whole inner loop. */
    private Map<Variable, Integer> fixLocals(Block body, VectorLoopPlan.InnerLoop inner, Map<Variable, Integer> env) {
        Map<Variable, Integer> fixed = new LinkedHashMap<>();
        for (Stmt stmt : body.statements()) {
            if (stmt instanceof Stmt.Store store && stmt != inner.counted().increment()) {
                int local = code.newLocal(
                        ops.of(function.variableKinds().get(store.variable())).vectorType());
                Integer before = env.get(store.variable());
                if (before != null) {
                    code.loadLocal(before);
                    code.storeLocal(local);
                }
                fixed.put(store.variable(), local);
            }
        }
        env.putAll(fixed);
        return fixed;
    }
}
