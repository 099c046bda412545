package dev.stride.compiler.codegen;

import dev.stride.compiler.analysis.VectorLoopPlan;
import dev.stride.compiler.ir.Kind;
import java.util.EnumMap;
import java.util.Map;
import org.objectweb.asm.commons.GeneratorAdapter;

/**
 * The {@link VectorOps} of every element kind one loop computes with, all with the same lane count.
 *
 * <p>The plan's lane kind (the widest) leads: its species is the width the loop was compiled for, and a narrower
 * kind uses the species with as many lanes ({@code SPECIES_INT_LIKE_DOUBLE_512}: 8 ints in 256 bits). Lane k of
 * every vector then belongs to the same iteration, so conversions map lanes one to one. Masks are kept in the lead
 * species; {@link #maskFor} casts one where an operation of another kind needs it.
 */
final class LaneOps {
    private final VectorOps lead;
    private final Map<Kind, VectorOps> byKind = new EnumMap<>(Kind.class);

    LaneOps(GeneratorAdapter code, String holder, VectorLoopPlan plan) {
        this.lead = new VectorOps(code, holder, plan.laneKind(), plan.bits());
        for (Kind kind : kindsOf(plan)) {
            byKind.put(kind, kind == plan.laneKind() ? lead : new VectorOps(code, holder, kind, fieldOf(plan, kind)));
        }
    }

    /** @return the operations of the lead kind (lane count, step, masks) */
    VectorOps lead() {
        return lead;
    }

    /**
     * The operations of one kind.
     *
     * @param kind int, long, float or double, no wider than the lead
     * @return its operations
     */
    VectorOps of(Kind kind) {
        VectorOps ops = byKind.get(kind);
        if (ops == null) {
            throw new IllegalStateException("no " + kind + " lanes in a loop led by " + lead.kind());
        }
        return ops;
    }

    /**
     * Pushes a mask (kept in the lead species) as a mask of another kind's species.
     *
     * @param code the method being written
     * @param mask the local holding the lead mask
     * @param kind the kind of the operation that takes the mask
     */
    void maskFor(GeneratorAdapter code, int mask, Kind kind) {
        code.loadLocal(mask);
        if (kind != lead.kind()) {
            of(kind).castMask();
        }
    }

    /**
     * Every vectorisable kind no wider than the plan's lead: the kinds a loop may hold per lane (a narrower
     * invariant, e.g. an int shift count in a long loop, is broadcast in its own kind).
     *
     * @param plan a loop's plan
     * @return the kinds, lead included
     */
    static java.util.List<Kind> kindsOf(VectorLoopPlan plan) {
        java.util.List<Kind> kinds = new java.util.ArrayList<>();
        for (Kind kind : new Kind[] {Kind.INT, Kind.LONG, Kind.FLOAT, Kind.DOUBLE}) {
            if (kind.bits() <= plan.laneKind().bits()) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /**
     * The holder field of a kind's species in a loop.
     *
     * @param plan the loop's plan
     * @param kind one of {@link #kindsOf}
     * @return the field name
     */
    static String fieldOf(VectorLoopPlan plan, Kind kind) {
        return kind == plan.laneKind()
                ? VectorTypes.speciesField(kind, plan.bits())
                : VectorTypes.tiedSpeciesField(kind, plan.laneKind(), plan.bits());
    }
}
