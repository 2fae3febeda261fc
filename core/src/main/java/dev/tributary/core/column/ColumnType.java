package dev.tributary.core.column;

import java.util.Locale;

/** The value type of a column, as Druid names them in segmentMetadata. */
public enum ColumnType {
    LONG, FLOAT, DOUBLE, STRING, COMPLEX;

    public boolean isNumeric() {
        return this == LONG || this == FLOAT || this == DOUBLE;
    }

    /** Druid's spelling: {@code LONG}, {@code STRING}, ... */
    public String druidName() {
        return name();
    }

    public static ColumnType fromDimensionType(String type) {
        return valueOf(type.toUpperCase(Locale.ROOT));
    }
}
