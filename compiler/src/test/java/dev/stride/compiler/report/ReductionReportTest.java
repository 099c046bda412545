package dev.stride.compiler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReductionReportTest {

    @Test
    void exactness_namesWhatPermittedTheReassociation() {
        assertEquals("exact", new ReductionReport("s", "+", "long", "0", false).exactness());
        assertEquals("reassociated under fastmath", new ReductionReport("s", "+", "double", "-0.0", true).exactness());
        assertEquals(
                "reassociated (declared associative)",
                new ReductionReport("s", "+", "double", "-0.0", true, "associative").exactness());
    }
}
