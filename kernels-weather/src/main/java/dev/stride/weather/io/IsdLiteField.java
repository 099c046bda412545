package dev.stride.weather.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The measurements of an ISD-Lite line, in file order after the four date fields, each 6 characters wide and
 * right-aligned; -9999 marks a missing value. Values are kept in the stored units: the format doc's scale
 * factor (10 for temperatures, pressure, wind speed and precipitation) says the stored number is tenths.
 */
public enum IsdLiteField {
    /** Air temperature, degrees Celsius, scale 10. */
    AIR_TEMPERATURE("air_temperature", 10),
    /** Dew point temperature, degrees Celsius, scale 10. */
    DEW_POINT_TEMPERATURE("dew_point_temperature", 10),
    /** Sea level pressure, hectopascals, scale 10. */
    SEA_LEVEL_PRESSURE("sea_level_pressure", 10),
    /** Wind direction, angular degrees, scale 1. */
    WIND_DIRECTION("wind_direction", 1),
    /** Wind speed rate, meters per second, scale 10. */
    WIND_SPEED_RATE("wind_speed_rate", 10),
    /** Sky condition total coverage code, scale 1. */
    SKY_CONDITION("sky_condition_total_coverage_code", 1),
    /** Liquid precipitation depth over one hour, millimeters, scale 10. */
    PRECIPITATION_ONE_HOUR("liquid_precipitation_depth_dimension_one_hour", 10),
    /** Liquid precipitation depth over six hours, millimeters, scale 10. */
    PRECIPITATION_SIX_HOUR("liquid_precipitation_depth_dimension_six_hour", 10);

    /** The stored value of a missing measurement. */
    public static final int MISSING = -9999;

    /** The width of every measurement field. */
    static final int WIDTH = 6;

    /** The column (0-based) where the first measurement field starts. */
    static final int FIRST_COLUMN = 13;

    private final String columnName;
    private final int scale;

    IsdLiteField(String columnName, int scale) {
        this.columnName = columnName;
        this.scale = scale;
    }

    /**
     * The measurement's name as used by {@code --measurement} and as the HDF5 dataset name.
     *
     * @return the name, e.g. {@code wind_speed_rate}
     */
    public String columnName() {
        return columnName;
    }

    /**
     * The format doc's scale factor: the stored number is the physical value times this.
     *
     * @return 10 or 1
     */
    public int scale() {
        return scale;
    }

    /** The first column of this field in a line. */
    int startColumn() {
        return FIRST_COLUMN + ordinal() * WIDTH;
    }

    /**
     * The field with the given name.
     *
     * @param name a {@link #columnName()}, case-insensitive
     * @return the field
     * @throws IllegalArgumentException for an unknown name
     */
    public static IsdLiteField byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (IsdLiteField field : values()) {
            if (field.columnName.equals(wanted)) {
                return field;
            }
        }
        throw new IllegalArgumentException("unknown ISD-Lite measurement '" + name + "' (expected one of "
                + Arrays.stream(values()).map(IsdLiteField::columnName).collect(Collectors.joining(", ")) + ")");
    }
}
