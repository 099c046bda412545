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
    private final LaneOps laneOps;
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
            LaneOps laneOps,
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
        this.laneOps = laneOps;
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
                    VectorOps ops = laneOps.of(function.variableKinds().get(entry.getKey()));
                    ops.blendOn(current, entry.getValue(), castMask(mask, ops.kind()));
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
                laneOps.lead().maskLogic(union, "or", mask);
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
            laneOps.maskFor(code, mask, store.elementKind());
        }
        laneOps.of(store.elementKind()).intoArray(mask != null);
    }

    /** A lead-species mask as a mask of another kind's species (the same local when the kind leads). */
    private int castMask(int mask, dev.stride.compiler.ir.Kind kind) {
        if (kind == laneOps.lead().kind()) {
            return mask;
        }
        laneOps.maskFor(code, mask, kind);
        return store(VectorTypes.MASK);
    }

    /** Stack: a mask of a kind's species -> the same lanes in the lead species, where masks are kept. */
    private int leadMask(dev.stride.compiler.ir.Kind kind) {
        if (kind != laneOps.lead().kind()) {
            laneOps.lead().castMask();
        }
        return store(VectorTypes.MASK);
    }

    /** Stores a vector local into an array access's lanes, unmasked (every lane of a scan step stores). */
    void storeLanes(Stmt.ArrayStore store, int value) {
        code.loadLocal(value);
        addressing.pushArray(store.array());
        indexOf(store.index());
        laneOps.of(store.elementKind()).intoArray(false);
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
        VectorOps ops = laneOps.lead();
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

    /** Emits a condition as a mask local, in the lead species. */
    private int mask(Condition condition, Map<Variable, Integer> env) {
        if (invariance.isInvariant(condition.left()) && invariance.isInvariant(condition.right())) {
            return uniformMask(condition);
        }
        VectorOps lead = laneOps.lead();
        Expr nanOperand = NanTest.operand(condition);
        if (nanOperand != null) {
            laneOps.of(nanOperand.kind()).isNanOn(vector(nanOperand, env));
            int nan = leadMask(nanOperand.kind());
            if (NanTest.takenOnNan(condition)) {
                return nan;
            }
            lead.maskNot(nan);
            return store(VectorTypes.MASK);
        }
        if (condition.left() instanceof Expr.Compare compare && isZero(condition.right())) {
            VectorOps ops = laneOps.of(compare.left().kind());
            int a = vector(compare.left(), env);
            int b = vector(compare.right(), env);
            ops.compareOn(a, comparison(condition.op()), b);
            int ordered = leadMask(ops.kind());
            if (!compare.left().kind().isFloating() || !nanSatisfies(compare.nanIsGreater(), condition.op())) {
                return ordered;
            }
            ops.isNanOn(a);
            int nanA = leadMask(ops.kind());
            ops.isNanOn(b);
            int nanB = leadMask(ops.kind());
            lead.maskLogic(nanA, "or", nanB);
            int unordered = store(VectorTypes.MASK);
            lead.maskLogic(ordered, "or", unordered);
            return store(VectorTypes.MASK);
        }
        VectorOps ops = laneOps.of(condition.left().kind());
        int a = vector(condition.left(), env);
        int b = vector(condition.right(), env);
        ops.compareOn(a, comparison(condition.op()), b);
        return leadMask(ops.kind());
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
        laneOps.lead().maskAll();
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

    /** Emits a per-lane value and returns the local holding the vector (of the value's kind). */
    int vector(Expr e, Map<Variable, Integer> env) {
        if (invariance.isInvariant(e)) {
            return broadcasts.get(e);
        }
        if (isInductionLanes(e)) {
            VectorOps ops = laneOps.of(e.kind());
            ops.inductionLanes(inductionLocal);
            return store(ops.vectorType());
        }
        return switch (e) {
            case Expr.Read read -> env.get(read.variable());
            case Expr.Binary binary -> binary(binary, env);
            case Expr.Negate negate -> {
                VectorOps ops = laneOps.of(negate.kind());
                ops.unaryOn(vector(negate.operand(), env), "NEG");
                yield store(ops.vectorType());
            }
            case Expr.Convert convert -> convert(convert, env);
            case Expr.ArrayLoad load -> {
                VectorOps ops = laneOps.of(load.elementKind());
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

    private int binary(Expr.Binary binary, Map<Variable, Integer> env) {
        VectorOps ops = laneOps.of(binary.kind());
        int left = vector(binary.left(), env);
        int right = vector(binary.right(), env);
        if (binary.right().kind() != binary.kind()) {
            // a shift count is an int even when a long is shifted; Java and the Vector API both mask it to the
            // shifted type's width, so widening the count first gives the same shift
            right = converted(right, binary.right().kind(), binary.kind());
        }
        ops.binaryOn(left, binaryOperator(binary), right);
        return store(ops.vectorType());
    }

    private int convert(Expr.Convert convert, Map<Variable, Integer> env) {
        int operand = vector(convert.operand(), env);
        return converted(operand, convert.operand().kind(), convert.kind());
    }

    /** Java's cast of every lane, into a vector of the target kind with the same lane count. */
    private int converted(int vector, dev.stride.compiler.ir.Kind from, dev.stride.compiler.ir.Kind to) {
        if (from == to) {
            return vector;
        }
        VectorOps target = laneOps.of(to);
        laneOps.of(from).convertOn(vector, target);
        return store(target.vectorType());
    }

    /**
     * {@code i}, {@code (long) i} or {@code (double) i} for the loop's induction variable {@code i}, made directly
     * in its kind; {@code (float) i} converts the int lanes instead (see {@code BodyCheck}).
     */
    private boolean isInductionLanes(Expr e) {
        Expr operand = e;
        if (e instanceof Expr.Convert convert) {
            if (convert.kind() != dev.stride.compiler.ir.Kind.LONG
                    && convert.kind() != dev.stride.compiler.ir.Kind.DOUBLE) {
                return false;
            }
            operand = convert.operand();
        }
        return operand instanceof Expr.Read read
                && read.variable().equals(plan.counted().inductionVariable());
    }

    private int mathCall(Expr.Call call, Map<Variable, Integer> env) {
        VectorOps ops = laneOps.of(call.kind());
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
