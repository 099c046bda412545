package dev.stride.runtime.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReductionOperatorTest {

    private static final long[] LONGS = {0, 1, -1, 7, -123456789L, Long.MIN_VALUE, Long.MAX_VALUE, 0x5555_5555L};
    private static final double[] DOUBLES = {
        0.0,
        -0.0,
        1.5,
        -2.25,
        Double.MIN_VALUE,
        Double.MAX_VALUE,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY
    };

    @ParameterizedTest
    @EnumSource(ReductionOperator.class)
    void identityIntAndLong_combinedFromTheLeft_leaveEveryValueUnchanged(ReductionOperator operator) {
        for (long value : LONGS) {
            assertEquals(value, operator.applyLong(operator.identityLong(), value), operator + " long " + value);
            assertEquals(
                    (int) value, operator.applyInt(operator.identityInt(), (int) value), operator + " int " + value);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = ReductionOperator.class,
            names = {"SUM", "PRODUCT", "MIN", "MAX"})
    void identityDoubleAndFloat_combinedFromTheLeft_leaveEveryValueUnchangedBitForBit(ReductionOperator operator) {
        for (double value : DOUBLES) {
            double combined = operator.applyDouble(operator.identityDouble(), value);
            float combinedFloat = operator.applyFloat(operator.identityFloat(), (float) value);

            assertEquals(
                    Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(combined), operator + " " + value);
            assertEquals(
                    Float.floatToRawIntBits((float) value),
                    Float.floatToRawIntBits(combinedFloat),
                    operator + " float " + value);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = ReductionOperator.class,
            names = {"AND", "OR", "XOR"})
    void bitwise_onFloatingPoint_isRejectedWithTheRule(ReductionOperator operator) {
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> operator.applyDouble(1, 2));

        assertTrue(operator.isBitwise());
        assertEquals(
                "reduction operator " + operator + " is not defined for double: the bitwise operators & | ^ apply"
                        + " to int and long only",
                thrown.getMessage());
        assertThrows(IllegalArgumentException.class, operator::identityFloat);
        assertThrows(
                IllegalArgumentException.class,
                () -> ParallelLoops.reduceDouble(0, 10, 0, operator, 0, (lo, hi, acc) -> acc));
    }
}
