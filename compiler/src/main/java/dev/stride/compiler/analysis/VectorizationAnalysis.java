package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import dev.stride.compiler.report.RejectionReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides whether an innermost counted loop can run as SIMD code, and if so produces its {@link VectorLoopPlan}.
 *
 * <p>The sub-analyses run in this order, each stopping at the first broken rule with a {@link Rejection}: counted
 * loop shape; try regions; variable roles (induction variable, loop-private temporaries, reductions, invariants)
 * from liveness at the header; lanewise support of every body expression with affine array indices; one element
 * size for all vectors; array dependences and alias checks.
 */
public final class VectorizationAnalysis {

    /**
     * Options of the method being compiled that change decisions.
     *
     * @param fastmath reassociation and 1-ulp {@code Math} permitted
     * @param simdBits the requested vector width (0 = the compiler's choice)
     * @param reassociate reductions may be reassociated (a generated reduce loop of an associative function),
     *     without permitting anything else fastmath does
     * @param notInlined for calls the inliner could not inline, why (keyed by {@link
     *     dev.stride.compiler.transform.HelperInliningPass#key})
     */
    public record Options(boolean fastmath, int simdBits, boolean reassociate, Map<String, String> notInlined) {

        /**
         * Options without reassociation beyond fastmath and with every call inlined or not a candidate.
         *
         * @param fastmath reassociation and 1-ulp {@code Math} permitted
         * @param simdBits the requested vector width (0 = the compiler's choice)
         */
        public Options(boolean fastmath, int simdBits) {
            this(fastmath, simdBits, false, Map.of());
        }
    }

    private VectorizationAnalysis() {}

    /**
     * Analyses one innermost loop.
     *
     * @param cfg the function's graph
     * @param liveness liveness of the function
     * @param loop the loop
     * @param options the method's options
     * @return the plan
     * @throws Rejection when the loop must stay scalar
     */
    public static VectorLoopPlan analyze(ControlFlowGraph cfg, Liveness liveness, Loop loop, Options options) {
        Function function = cfg.function();
        if (!loop.children().isEmpty()) {
            throw new Rejection(
                    RejectionReason.INNER_LOOP,
                    loop.children().getFirst().line(),
                    "loop " + loop.children().getFirst().id() + " is nested inside");
        }
        for (int block : loop.blocks()) {
            if (function.protectedBlocks().contains(block)
                    || function.handlerBlocks().contains(block)) {
                throw new Rejection(RejectionReason.TRY_CATCH, loop.line(), "the loop is inside a try block");
            }
        }
        Invariance invariance = new Invariance(cfg, loop);
        CountedLoop counted = CountedLoopAnalysis.analyze(cfg, loop, invariance);
        List<Integer> bodyOrder = bodyOrder(cfg, loop);
        Map<Variable, List<Stmt.Store>> updates = carriedUpdates(cfg, liveness, counted, bodyOrder);
        LiveOutScalars.check(cfg, loop, bodyOrder, updates);
        Map<Variable, SelectReduction.Match> selects = selects(cfg, loop, updates);
        Set<Variable> accumulators = new LinkedHashSet<>(updates.keySet());
        accumulators.removeAll(selects.keySet()); // a select reads its accumulator in the comparison
        BodyCheck check =
                new BodyCheck(function, invariance, counted.inductionVariable(), accumulators, options.fastmath());
        check.notInlined = options.notInlined();
        boolean conditional = checkStatements(cfg, counted, bodyOrder, updates.keySet(), check);
        List<Reduction> reductions =
                reductions(function, updates, selects, check, options.fastmath() || options.reassociate(), options);
        Kind laneKind = laneKind(check.vectorKinds, loop.line(), reductions);
        List<List<ArrayAccess.ArrayBase>> aliasChecks = DependenceAnalysis.analyze(function, check.accesses);
        if (check.accesses.isEmpty()) {
            throw new Rejection(RejectionReason.NO_ARRAY_WORK, loop.line(), "the loop touches no arrays");
        }
        Map<Variable, String> descriptors =
                parameterDescriptors(function, loop, liveness.liveIn(loop.header()), check.accesses);
        int bits = chooseBits(options.simdBits(), check.approximateMath);
        return new VectorLoopPlan(
                counted,
                bodyOrder,
                List.copyOf(descriptors.keySet()),
                descriptors,
                reductions,
                List.copyOf(check.accesses),
                aliasChecks,
                laneKind,
                bits,
                conditional,
                options.fastmath(),
                List.of(),
                Map.of());
    }

    static int chooseBits(int requested, boolean computeBound) {
        if (requested != 0) {
            return requested;
        }
        // measured here: streaming loops run faster at 256 bits, compute-bound ones at 512 (docs/vectorizer.md)
        return computeBound ? 512 : 256;
    }

    static List<Integer> bodyOrder(ControlFlowGraph cfg, Loop loop) {
        List<Integer> order = new ArrayList<>();
        for (int block : cfg.reversePostOrder()) {
            if (loop.contains(block) && block != loop.header()) {
                order.add(block);
            }
        }
        return order;
    }

    /** Variables assigned in the body that are live at the header (carry values across iterations). */
    private static Map<Variable, List<Stmt.Store>> carriedUpdates(
            ControlFlowGraph cfg, Liveness liveness, CountedLoop counted, List<Integer> bodyOrder) {
        Set<Variable> liveAtHeader = liveness.liveIn(counted.loop().header());
        Map<Variable, List<Stmt.Store>> updates = new TreeMap<>(java.util.Comparator.naturalOrder());
        for (int block : bodyOrder) {
            for (Stmt stmt : cfg.function().blocks().get(block).statements()) {
                if (stmt instanceof Stmt.Store store
                        && stmt != counted.increment()
                        && liveAtHeader.contains(store.variable())) {
                    updates.computeIfAbsent(store.variable(), v -> new ArrayList<>())
                            .add(store);
                }
            }
        }
        return updates;
    }

    private static boolean checkStatements(
            ControlFlowGraph cfg,
            CountedLoop counted,
            List<Integer> bodyOrder,
            Set<Variable> carried,
            BodyCheck check) {
        boolean conditional = false;
        for (int id : bodyOrder) {
            Block block = cfg.function().blocks().get(id);
            for (Stmt stmt : block.statements()) {
                if (stmt == counted.increment()) {
                    continue;
                }
                conditional |= statement(stmt, carried, check);
            }
        }
        return conditional;
    }

    private static boolean statement(Stmt stmt, Set<Variable> carried, BodyCheck check) {
        switch (stmt) {
            case Stmt.Store store -> {
                Expr value = carried.contains(store.variable())
                        ? ReductionAnalysis.operandOfOrSelf(store.value(), store.variable())
                        : store.value();
                check.value(value);
                if (store.value().kind() == Kind.REF) {
                    throw new Rejection(
                            RejectionReason.UNSUPPORTED_TYPE,
                            store.line(),
                            "assigns an object reference inside the loop");
                }
            }
            case Stmt.ArrayStore store -> {
                check.store(store.array(), store.index(), store.elementKind(), store.line());
                check.value(store.value());
            }
            case Stmt.Branch branch -> {
                check.condition(branch.condition(), branch.line());
                return true;
            }
            case Stmt.Jump jump -> {
                // unconditional flow inside the body: nothing to check
            }
            case Stmt.Eval eval -> check.value(eval.expr());
            case Stmt.FieldStore field ->
                throw new Rejection(
                        RejectionReason.UNSUPPORTED_INSTRUCTION, field.line(), "writes field '" + field.name() + "'");
            case Stmt.Switch sw -> throw new Rejection(RejectionReason.UNSUPPORTED_INSTRUCTION, sw.line(), "switch");
            case Stmt.Opaque opaque ->
                throw new Rejection(RejectionReason.UNSUPPORTED_INSTRUCTION, opaque.line(), opaque.what());
            case Stmt.Return ret -> throw new Rejection(RejectionReason.MULTIPLE_EXITS, ret.line(), "return");
            case Stmt.Throw thr -> throw new Rejection(RejectionReason.MULTIPLE_EXITS, thr.line(), "throw");
        }
        return false;
    }

    private static Map<Variable, SelectReduction.Match> selects(
            ControlFlowGraph cfg, Loop loop, Map<Variable, List<Stmt.Store>> updates) {
        Map<Variable, SelectReduction.Match> selects = new HashMap<>();
        for (Map.Entry<Variable, List<Stmt.Store>> entry : updates.entrySet()) {
            SelectReduction.match(cfg, loop, entry.getKey(), entry.getValue())
                    .ifPresent(match -> selects.put(entry.getKey(), match));
        }
        return selects;
    }

    private static List<Reduction> reductions(
            Function function,
            Map<Variable, List<Stmt.Store>> updates,
            Map<Variable, SelectReduction.Match> selects,
            BodyCheck check,
            boolean reassociate,
            Options options) {
        List<Reduction> reductions = new ArrayList<>();
        for (Map.Entry<Variable, List<Stmt.Store>> entry : updates.entrySet()) {
            SelectReduction.Match select = selects.get(entry.getKey());
            reductions.add(
                    select != null
                            ? ReductionAnalysis.select(function, entry.getKey(), select, options.fastmath())
                            : ReductionAnalysis.analyze(function, entry.getKey(), entry.getValue(), 0, reassociate));
            check.vectorKinds.add(function.variableKinds().get(entry.getKey()));
        }
        return List.copyOf(reductions);
    }

    /**
     * The kind that sets the loop's lane count: the widest element kind it computes with. Narrower kinds run in
     * vectors with the same number of lanes (8 doubles in 512 bits go with 8 ints in 256 bits), so a conversion
     * between element sizes maps lane k to lane k. Between kinds of one size the floating-point one leads (only
     * the report's wording depends on it).
     */
    static Kind laneKind(List<Kind> kinds, int line, List<Reduction> reductions) {
        Set<Kind> distinct = distinctKinds(kinds, line);
        Kind lead = distinct.iterator().next();
        for (Kind kind : distinct) {
            if (kind.bits() > lead.bits() || kind.bits() == lead.bits() && kind.isFloating()) {
                lead = kind;
            }
        }
        return lead;
    }

    /** The single element kind of an outer-loop nest, whose inner loops run on one vector shape. */
    static Kind singleLaneKind(List<Kind> kinds, int line) {
        Set<Kind> distinct = distinctKinds(kinds, line);
        if (distinct.size() > 1) {
            throw new Rejection(
                    RejectionReason.MIXED_ELEMENT_SIZES,
                    line,
                    "the loop nest computes with "
                            + distinct.stream().map(Kind::javaName).toList()
                            + " (an outer-loop vectorised nest computes with one element type)");
        }
        return distinct.iterator().next();
    }

    private static Set<Kind> distinctKinds(List<Kind> kinds, int line) {
        Set<Kind> distinct = new LinkedHashSet<>(kinds);
        for (Kind kind : distinct) {
            if (!kind.isVectorizable()) {
                throw new Rejection(RejectionReason.UNSUPPORTED_TYPE, line, "computes with " + kind.javaName());
            }
        }
        if (distinct.isEmpty()) {
            throw new Rejection(RejectionReason.NO_ARRAY_WORK, line, "nothing is computed per element");
        }
        return distinct;
    }

    /** Parameters of the SIMD method: every local the loop reads that is live on entry, with a descriptor. */
    static Map<Variable, String> parameterDescriptors(
            Function function, Loop loop, Set<Variable> liveAtHeader, List<ArrayAccess> accesses) {
        Map<Variable, String> inferred = new HashMap<>();
        for (ArrayAccess access : accesses) {
            String element = access.elementKind().asmType().getDescriptor();
            inferred.put(access.base().variable(), access.base().isRow() ? "[[" + element : "[" + element);
        }
        Map<Variable, String> descriptors = new TreeMap<>(java.util.Comparator.naturalOrder());
        for (int block : loop.blocks()) {
            for (Stmt stmt : function.blocks().get(block).statements()) {
                for (Expr operand : StmtOperands.of(stmt)) {
                    ExprWalk.forEach(operand, e -> {
                        if (e instanceof Expr.Read read && liveAtHeader.contains(read.variable())) {
                            descriptors.put(read.variable(), descriptor(function, read, inferred));
                        }
                    });
                }
            }
        }
        descriptors.keySet().removeIf(v -> !v.isLocal());
        return descriptors;
    }

    private static String descriptor(Function function, Expr.Read read, Map<Variable, String> inferred) {
        if (read.kind() != Kind.REF) {
            return read.kind().asmType().getDescriptor();
        }
        String fromTable =
                read.variable().isLocal() ? function.localDescriptors().get(read.variable()) : null;
        String result = fromTable != null ? fromTable : inferred.get(read.variable());
        if (result == null) {
            throw new Rejection(
                    RejectionReason.UNSUPPORTED_TYPE,
                    read.line(),
                    "cannot tell the array type of '" + function.nameOf(read.variable()) + "'");
        }
        return result;
    }
}
