package dev.stride.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassNameFilterTest {

    @Test
    void accepts_everythingWithoutPatterns() {
        ClassNameFilter filter = new ClassNameFilter(List.of(), List.of());

        assertTrue(filter.accepts("com.example.Sum"));
    }

    @Test
    void accepts_singleStarStaysInOneSegment() {
        ClassNameFilter filter = new ClassNameFilter(List.of("com.example.*"), List.of());

        assertTrue(filter.accepts("com.example.Sum"));
        assertFalse(filter.accepts("com.example.inner.Sum"));
    }

    @Test
    void accepts_doubleStarCrossesSegmentsAndExcludesWin() {
        ClassNameFilter filter = new ClassNameFilter(List.of("com.**"), List.of("**Test", "**$*"));

        assertTrue(filter.accepts("com.example.inner.Sum"));
        assertFalse(filter.accepts("com.example.SumTest"));
        assertFalse(filter.accepts("com.example.Sum$Holder"));
        assertFalse(filter.accepts("org.example.Sum"));
    }
}
