package dev.tributary.core.segment;

import dev.tributary.core.column.ColumnType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Writes a column of objects (sketches, first/last pairs) as their serialized bytes:
 * section 0 a LONG stream of rows + 1 byte offsets into section 1, the bytes. A null row has no
 * bytes; a serialized value always has some.
 */
final class ComplexColumnWriter implements ColumnWriter {
    private final Function<Object, byte[]> serializer;
    private final Spool offsets;
    private final NumericStreamWriter offsetStream;
    private final Spool data;
    private long written;

    ComplexColumnWriter(Function<Object, byte[]> serializer, Path spoolDirectory, String name) throws IOException {
        this.serializer = serializer;
        this.offsets = new Spool(spoolDirectory, name + ".offsets");
        this.offsetStream = new NumericStreamWriter(ColumnType.LONG, offsets.out());
        this.data = new Spool(spoolDirectory, name + ".data");
    }

    void add(Object value) throws IOException {
        offsetStream.addLong(written);
        if (value != null) {
            byte[] bytes = serializer.apply(value);
            if (bytes.length == 0) {
                throw new IllegalStateException("a " + value.getClass().getSimpleName() + " serialized to no bytes");
            }
            data.out().write(bytes, 0, bytes.length);
            written += bytes.length;
        }
    }

    @Override
    public void finish(Path file) throws IOException {
        offsetStream.addLong(written);
        offsetStream.finish();
        try (SectionFileWriter out = new SectionFileWriter(file)) {
            offsets.copyInto(out);
            data.copyInto(out);
        }
    }

    @Override
    public void close() throws IOException {
        try (offsets) {
            data.close();
        }
    }
}
