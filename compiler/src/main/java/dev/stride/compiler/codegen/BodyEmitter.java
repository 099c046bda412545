package dev.stride.compiler.codegen;

import dev.stride.compiler.analysis.AffineIndex;
import dev.stride.compiler.analysis.ArrayAccess;
import dev.stride.compiler.analysis.Invariance;
import dev.stride.compiler.analysis.MathCalls;
import dev.stride.compiler.analysis.NanTest;
import dev.stride.compiler.analysis.VectorLoopPlan;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Condition;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.GeneratorAdapter;

/**
 * Emits one vector step of a loop body: the body blocks in topological order, if-converted.
 *
 * <p>If-conversion: every block gets a predicate (the lanes that reach it; {@code null} means all lanes), and
 * every branch splits its block's predicate into the lanes that take each edge. At a join, each variable's value
 * is blended from the predecessors' values by their edge masks, so a lane sees the value from the path it took.
 * Stores in predicated blocks are masked stores; loads are unmasked, which is safe because every index of the
 * whole iteration space was checked before the loop.
 */
final class BodyEmitter {
    private final GeneratorAdapter code;
    private final VectorLoopPlan plan;
    private final Function function;
    private final Invariance invariance;
    private final VectorOps ops;
    private final int inductionLocal;
    private final Map<Expr, Integer> broadcasts;
    private final Map<Expr, Integer> offsetIndexLocals;
    private final Map<ArrayAccess.ArrayBase, Integer> baseLocals;
    private final Map<Variable, Integer> scalarArguments;
    private final Map<Integer, Map<Variable, Integer>> exitEnv = new HashMap<>();
    private final Map<Integer, Integer> predicate = new HashMap<>();
    private final Map<Long, Integer> edgeMask = new HashMap<>();
    private final ControlEquivalence equivalence;

    BodyEmitter(
            GeneratorAdapter code,
            Function function,
            VectorLoopPlan plan,
            Invariance invariance,
            VectorOps ops,
            int inductionLocal,
            Map<Expr, Integer> broadcasts,
            Map<Expr, Integer> offsetIndexLocals,
            Map<ArrayAccess.ArrayBase, Integer> baseLocals,
            Map<Variable, Integer> scalarArguments) {
        this.code = code;
        this.plan = plan;
        this.function = function;
        this.equivalence = new ControlEquivalence(function, plan.bodyOrder());
        this.invariance = invariance;
        this.ops = ops;
        this.inductionLocal = inductionLocal;
        this.broadcasts = broadcasts;
        this.offsetIndexLocals = offsetIndexLocals;
        this.baseLocals = baseLocals;
        this.scalarArguments = scalarArguments;
    }

    /**
     * Emits the body and returns the environment at the latch (variable to vector local).
     *
     * @param initial the environment at the top of the body (accumulator vectors)
     * @return the environment after the last body block
     */
    Map<Variable, Integer> emit(Map<Variable, Integer> initial) {
        Map<Variable, Integer> last = initial;
        for (int id : plan.bodyOrder()) {
            Block block = function.blocks().get(id);
            Map<Variable, Integer> env = id == plan.counted().bodyEntry() ? new LinkedHashMap<>(initial) : merge(id);
            if (id == plan.counted().bodyEntry()) {
                predicate.put(id, null);
            }
            for (Stmt stmt : block.statements()) {
                if (stmt != plan.counted().increment()) {
                    statement(block, stmt, env);
                }
            }
            if (!(block.terminator() instanceof Stmt.Branch)) {
                for (int successor : block.successors()) {
                    edgeMask.put(edge(id, successor), predicate.get(id));
                }
            }
            exitEnv.put(id, env);
            last = env;
        }
        return last;
    }

    private static long edge(int from, int to) {
        return ((long) from << 32) | to;
    }

    private Map<Variable, Integer> merge(int id) {
        List<Integer> predecessors = new ArrayList<>();
        for (int candidate : plan.bodyOrder()) {
            if (exitEnv.containsKey(candidate)
                    && function(candidate).successors().contains(id)) {
                predecessors.add(candidate);
            }
        }
        OptionalInt equivalent = equivalence.equivalentDominator(id);
        if (equivalent.isPresent()) {
            predicate.put(id, predicate.get(equivalent.getAsInt()));
        } else {
            predicate.put(id, unionOfEdgeMasks(predecessors, id));
        }
        Map<Variable, Integer> merged = new LinkedHashMap<>(exitEnv.get(predecessors.getFirst()));
        for (int p : predecessors.subList(1, predecessors.size())) {
            Integer mask = edgeMask.get(edge(p, id));
            for (Map.Entry<Variable, Integer> entry : exitEnv.get(p).entrySet()) {
                Integer current = merged.get(entry.getKey());
                if (current == null || mask == null) {
                    merged.put(entry.getKey(), entry.getValue());
                } else if (!current.equals(entry.getValue())) {
                    ops.blendOn(current, entry.getValue(), mask);
                    merged.put(entry.getKey(), store(ops.vectorType()));
                }
            }
        }
        return merged;
    }

    /** The lanes reaching a join: the OR of its incoming edge masks, or null when some edge carries all lanes. */
    private Integer unionOfEdgeMasks(List<Integer> predecessors, int id) {
        Integer union = null;
        for (int p : predecessors) {
            Integer mask = edgeMask.get(edge(p, id));
            if (mask == null) {
                return null;
            }
            if (union == null) {
                union = mask;
            } else {
                ops.maskLogic(union, "or", mask);
                union = store(VectorTypes.MASK);
            }
        }
        return union;
    }

    private Block function(int id) {
        return function.blocks().get(id);
    }

    private void statement(Block block, Stmt stmt, Map<Variable, Integer> env) {
        Integer blockPredicate = predicate.get(block.id());
        switch (stmt) {
            case Stmt.Store store -> env.put(store.variable(), vector(store.value(), env));
            case Stmt.ArrayStore store -> arrayStore(store, env, blockPredicate);
            case Stmt.Branch branch -> branch(block.id(), branch, env, blockPredicate);
            case Stmt.Jump jump -> {
                // the successor's predicate comes from edgeMask, set after the statements
            }
            default -> throw new IllegalStateException("statement not vectorisable: " + stmt);
        }
    }

    private void arrayStore(Stmt.ArrayStore store, Map<Variable, Integer> env, Integer mask) {
        int value = vector(store.value(), env);
        code.loadLocal(value);
        addressing.pushArray(store.array());
        indexOf(store.index());
        if (mask != null) {
            code.loadLocal(mask);
        }
        ops.intoArray(mask != null);
    }

    /** Stores a vector local into an array access's lanes, unmasked (every lane of a scan step stores). */
    void storeLanes(Stmt.ArrayStore store, int value) {
        code.loadLocal(value);
        addressing.pushArray(store.array());
        indexOf(store.index());
        ops.intoArray(false);
    }

    private void branch(int id, Stmt.Branch branch, Map<Variable, Integer> env, Integer blockPredicate) {
        if (branch.whenTrue() == branch.whenFalse()) {
            // javac compiles `c && false` and `c || true` to a branch whose two edges reach one block: every lane
            // of this block goes on, and one edge mask per (from, to) pair must not keep only the false lanes
            if (blockPredicate != null) {
                edgeMask.put(edge(id, branch.whenTrue()), blockPredicate);
            }
            return;
        }
        int condition = mask(branch.condition(), env);
        int whenTrue = condition;
        int whenFalse;
        ops.maskNot(condition);
        whenFalse = store(VectorTypes.MASK);
        if (blockPredicate != null) {
            ops.maskLogic(blockPredicate, "and", condition);
            whenTrue = store(VectorTypes.MASK);
            ops.maskLogic(blockPredicate, "and", whenFalse);
            whenFalse = store(VectorTypes.MASK);
        }
        edgeMask.put(edge(id, branch.whenTrue()), whenTrue);
        edgeMask.put(edge(id, branch.whenFalse()), whenFalse);
    }

    /** Emits a condition as a mask local. */
    private int mask(Condition condition, Map<Variable, Integer> env) {
        if (invariance.isInvariant(condition.left()) && invariance.isInvariant(condition.right())) {
            return uniformMask(condition);
        }
        Expr nanOperand = NanTest.operand(condition);
        if (nanOperand != null) {
            ops.isNanOn(vector(nanOperand, env));
            int nan = store(VectorTypes.MASK);
            if (NanTest.takenOnNan(condition)) {
                return nan;
            }
            ops.maskNot(nan);
            return store(VectorTypes.MASK);
        }
        if (condition.left() instanceof Expr.Compare compare && isZero(condition.right())) {
            int a = vector(compare.left(), env);
            int b = vector(compare.right(), env);
            ops.compareOn(a, comparison(condition.op()), b);
            int ordered = store(VectorTypes.MASK);
            if (!compare.left().kind().isFloating() || !nanSatisfies(compare.nanIsGreater(), condition.op())) {
                return ordered;
            }
            ops.isNanOn(a);
            int nanA = store(VectorTypes.MASK);
            ops.isNanOn(b);
            int nanB = store(VectorTypes.MASK);
            ops.maskLogic(nanA, "or", nanB);
            int unordered = store(VectorTypes.MASK);
            ops.maskLogic(ordered, "or", unordered);
            return store(VectorTypes.MASK);
        }
        int a = vector(condition.left(), env);
        int b = vector(condition.right(), env);
        ops.compareOn(a, comparison(condition.op()), b);
        return store(VectorTypes.MASK);
    }

    /** A condition that is the same in every lane: evaluated once in scalar code, spread over all lanes. */
    private int uniformMask(Condition condition) {
        ScalarExprEmitter scalar = new ScalarExprEmitter(code, scalarArguments);
        org.objectweb.asm.Label yes = new org.objectweb.asm.Label();
        org.objectweb.asm.Label done = new org.objectweb.asm.Label();
        Expr left = condition.left();
        if (left instanceof Expr.Compare compare) {
            scalar.emit(compare.left());
            scalar.emit(compare.right());
            code.visitInsn(compareOpcode(compare));
        } else {
            scalar.emit(left);
        }
        scalar.emit(condition.right());
        code.ifCmp(
                left instanceof Expr.Compare
                        ? org.objectweb.asm.Type.INT_TYPE
                        : left.kind().asmType(),
                generatorRelation(condition.op()),
                yes);
        code.push(false);
        code.goTo(done);
        code.mark(yes);
        code.push(true);
        code.mark(done);
        ops.maskAll();
        return store(VectorTypes.MASK);
    }

    private static int compareOpcode(Expr.Compare compare) {
        return switch (compare.left().kind()) {
            case LONG -> Opcodes.LCMP;
            case FLOAT -> compare.nanIsGreater() ? Opcodes.FCMPG : Opcodes.FCMPL;
            default -> compare.nanIsGreater() ? Opcodes.DCMPG : Opcodes.DCMPL;
        };
    }

    private static int generatorRelation(Condition.Relation relation) {
        return switch (relation) {
            case EQ -> GeneratorAdapter.EQ;
            case NE -> GeneratorAdapter.NE;
            case LT -> GeneratorAdapter.LT;
            case GE -> GeneratorAdapter.GE;
            case GT -> GeneratorAdapter.GT;
            case LE -> GeneratorAdapter.LE;
        };
    }

    private static boolean nanSatisfies(boolean nanIsGreater, Condition.Relation relation) {
        int nan = nanIsGreater ? 1 : -1;
        return switch (relation) {
            case EQ -> nan == 0;
            case NE -> nan != 0;
            case LT -> nan < 0;
            case GE -> nan >= 0;
            case GT -> nan > 0;
            case LE -> nan <= 0;
        };
    }

    private static boolean isZero(Expr e) {
        return e instanceof Expr.Const c && Integer.valueOf(0).equals(c.value());
    }

    private static String comparison(Condition.Relation relation) {
        return relation.name();
    }

    /** Emits a per-lane value and returns the local holding the vector. */
    int vector(Expr e, Map<Variable, Integer> env) {
        if (invariance.isInvariant(e)) {
            return broadcasts.get(e);
        }
        if (isInductionLanes(e)) {
            ops.inductionLanes(inductionLocal);
            return store(ops.vectorType());
        }
        return switch (e) {
            case Expr.Read read -> env.get(read.variable());
            case Expr.Binary binary -> {
                int left = vector(binary.left(), env);
                int right = vector(binary.right(), env);
                ops.binaryOn(left, binaryOperator(binary), right);
                yield store(ops.vectorType());
            }
            case Expr.Negate negate -> {
                int operand = vector(negate.operand(), env);
                ops.unaryOn(operand, "NEG");
                yield store(ops.vectorType());
            }
            case Expr.Convert convert -> vector(convert.operand(), env);
            case Expr.ArrayLoad load -> {
                ops.species();
                addressing.pushArray(load.array());
                indexOf(load.index());
                ops.fromArray();
                yield store(ops.vectorType());
            }
            case Expr.Call call -> mathCall(call, env);
            default -> throw new IllegalStateException("no vector form for " + e);
        };
    }

    /** {@code i}, {@code (long) i} or {@code (double) i} for the loop's induction variable {@code i}. */
    private boolean isInductionLanes(Expr e) {
        Expr operand = e instanceof Expr.Convert convert ? convert.operand() : e;
        return operand instanceof Expr.Read read
                && read.variable().equals(plan.counted().inductionVariable());
    }

    private int mathCall(Expr.Call call, Map<Variable, Integer> env) {
        String operator = MathCalls.operator(call);
        int first = vector(call.arguments().getFirst(), env);
        if (call.arguments().size() == 1) {
            ops.unaryOn(first, operator);
        } else {
            ops.binaryOn(first, operator, vector(call.arguments().get(1), env));
        }
        return store(ops.vectorType());
    }

    private static String binaryOperator(Expr.Binary binary) {
        return switch (binary.op()) {
            case ADD -> "ADD";
            case SUB -> "SUB";
            case MUL -> "MUL";
            case DIV -> "DIV";
            case AND -> "AND";
            case OR -> "OR";
            case XOR -> "XOR";
            case SHL -> "LSHL";
            case SHR -> "ASHR";
            case USHR -> "LSHR";
            case REM -> throw new IllegalStateException("remainder is rejected by the analysis");
        };
    }

    /**
     * How array accesses are addressed: which local holds the array, and how the first lane's index is computed.
     * Inner-loop vectorisation indexes {@code i + offset}; outer-loop vectorisation {@code k + rest}.
     */
    interface Addressing {
        /** Pushes the array an access goes to. */
        void pushArray(Expr array);

        /** Pushes the index of the first lane of an access. */
        void index(Expr index);
    }

    private Addressing addressing = new Addressing() {
        @Override
        public void pushArray(Expr array) {
            code.loadLocal(baseLocals.get(AffineIndex.base(array, invariance)));
        }

        @Override
        public void index(Expr index) {
            innerIndex(index);
        }
    };

    void setAddressing(Addressing addressing) {
        this.addressing = addressing;
    }

    private void indexOf(Expr index) {
        addressing.index(index);
    }

    /** Pushes {@code i + offset} for an access's index. */
    private void innerIndex(Expr index) {
        code.loadLocal(inductionLocal);
        Expr offset = AffineIndex.offset(index, plan.counted().inductionVariable(), invariance);
        if (!AffineIndex.isZero(offset)) {
            code.loadLocal(offsetIndexLocals.get(offset));
            code.math(GeneratorAdapter.ADD, org.objectweb.asm.Type.INT_TYPE);
        }
    }

    int store(org.objectweb.asm.Type type) {
        int local = code.newLocal(type);
        code.storeLocal(local);
        return local;
    }
}
