package dev.stride.runtime.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import org.junit.jupiter.api.Test;

/** The companion species of a loop that mixes element sizes keep the lead's lane count. */
class SpeciesTest {

    @Test
    void narrowerTypeGetsTheLeadsLaneCount() {
        assertSame(IntVector.SPECIES_256, Species.withLanesOf(IntVector.SPECIES_256, DoubleVector.SPECIES_512));
        assertSame(IntVector.SPECIES_128, Species.withLanesOf(IntVector.SPECIES_256, DoubleVector.SPECIES_256));
        assertSame(FloatVector.SPECIES_64, Species.withLanesOf(FloatVector.SPECIES_256, DoubleVector.SPECIES_128));
    }

    @Test
    void sameSizeTypesKeepTheirShape() {
        assertSame(FloatVector.SPECIES_512, Species.withLanesOf(FloatVector.SPECIES_512, IntVector.SPECIES_512));
        assertSame(LongVector.SPECIES_256, Species.withLanesOf(LongVector.SPECIES_512, DoubleVector.SPECIES_256));
    }

    @Test
    void companionFollowsACappedLead() {
        var lead = Species.fit(DoubleVector.SPECIES_512);
        var companion = Species.withLanesOf(IntVector.SPECIES_256, lead);
        assertEquals(lead.length(), companion.length());
    }
}
