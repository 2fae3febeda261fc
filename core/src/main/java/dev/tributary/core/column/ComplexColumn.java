package dev.tributary.core.column;

/** A column of objects, such as sketches or (time, value) pairs of first/last aggregators. */
public non-sealed interface ComplexColumn extends Column {
    @Override
    default ColumnType type() {
        return ColumnType.COMPLEX;
    }

    /** Druid's name of the object type, such as {@code thetaSketch} or {@code HLLSketch}. */
    String typeName();

    /** The row's object, or null. Callers must not modify it. */
    Object getObject(int row);
}
