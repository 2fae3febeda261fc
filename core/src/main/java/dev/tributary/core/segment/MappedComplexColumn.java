package dev.tributary.core.segment;

import dev.tributary.core.column.ComplexColumn;
import java.nio.ByteBuffer;
import java.util.function.Function;

/** A column of serialized objects, each read back (deserialized) when asked for. Thread-safe. */
final class MappedComplexColumn implements ComplexColumn {
    private final String typeName;
    private final NumericStream offsets;
    private final ByteBuffer data;
    private final Function<ByteBuffer, Object> deserializer;

    MappedComplexColumn(SectionFile file, String typeName, Function<ByteBuffer, Object> deserializer) {
        this.typeName = typeName;
        this.offsets = new NumericStream(file.section(0), "segment file " + file.path());
        this.data = file.section(1);
        this.deserializer = deserializer;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Object getObject(int row) {
        int from = (int) offsets.getLong(row);
        int to = (int) offsets.getLong(row + 1);
        if (from == to) {
            return null;
        }
        return deserializer.apply(data.duplicate().position(from).limit(to).slice().order(java.nio.ByteOrder.LITTLE_ENDIAN));
    }
}
