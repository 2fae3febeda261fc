package dev.tributary.core.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.column.Column;
import dev.tributary.core.column.ComplexColumn;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Complex values through their {@link ComplexSerde} and back, the way a persisted column will read
 * them: from a window of a direct buffer with other bytes on both sides, which are scribbled over
 * once the value is read, so a serde that reads past its limit, from the buffer's start, in the
 * buffer's byte order, or keeps the buffer, gives a wrong value.
 */
public final class SerdeRoundTrip {
    private static final int PADDING = 13;

    private SerdeRoundTrip() {
    }

    /** {@code value} written by the serde of {@code typeName} and read back. */
    public static Object roundTrip(String typeName, Object value) {
        ComplexSerde serde = ComplexSerdes.forType(typeName);
        byte[] bytes = serde.toBytes(value);
        ByteBuffer buffer = ByteBuffer.allocateDirect(PADDING + bytes.length + PADDING);
        for (int i = 0; i < buffer.capacity(); i++) {
            buffer.put(i, (byte) (0x5a + 37 * i));
        }
        buffer.put(PADDING, bytes);
        buffer.position(PADDING).limit(PADDING + bytes.length);

        Object read = serde.fromBytes(buffer);
        Object fromSlice = serde.fromBytes(buffer.slice().order(ByteOrder.LITTLE_ENDIAN));

        assertThat(buffer.position()).as("position after fromBytes").isEqualTo(PADDING);
        assertThat(buffer.limit()).as("limit after fromBytes").isEqualTo(PADDING + bytes.length);
        buffer.clear();
        for (int i = 0; i < buffer.capacity(); i++) {
            buffer.put(i, (byte) 0xff);
        }
        assertThat(serde.toBytes(read)).as("bytes of the value read back").isEqualTo(bytes);
        assertThat(serde.toBytes(fromSlice)).as("bytes of the value read from a little-endian slice").isEqualTo(bytes);
        return read;
    }

    /**
     * {@code live} as it will read once persisted: every complex column replaced by the objects its
     * rows hold, each written and read back by its serde (null rows stay null). Other columns are
     * {@code live}'s own.
     */
    public static QueryableIndex readBack(QueryableIndex live) {
        Map<String, Column> complex = new HashMap<>();
        List<String> names = new ArrayList<>(live.dimensionNames());
        live.metrics().forEach(m -> names.add(m.name()));
        for (String name : names) {
            if (live.column(name) instanceof ComplexColumn column) {
                List<Object> objects = objects(live, name);
                objects.replaceAll(value -> value == null ? null : roundTrip(column.typeName(), value));
                complex.put(name, new ComplexColumn() {
                    @Override
                    public String typeName() {
                        return column.typeName();
                    }

                    @Override
                    public Object getObject(int row) {
                        return objects.get(row);
                    }
                });
            }
        }
        return new QueryableIndex() {
            @Override
            public String dataSource() {
                return live.dataSource();
            }

            @Override
            public Interval dataInterval() {
                return live.dataInterval();
            }

            @Override
            public Granularity queryGranularity() {
                return live.queryGranularity();
            }

            @Override
            public boolean rollup() {
                return live.rollup();
            }

            @Override
            public List<String> dimensionNames() {
                return live.dimensionNames();
            }

            @Override
            public List<AggregatorFactory> metrics() {
                return live.metrics();
            }

            @Override
            public long maxIngestedEventTime() {
                return live.maxIngestedEventTime();
            }

            @Override
            public Column column(String name) {
                return complex.getOrDefault(name, live.column(name));
            }

            @Override
            public NumericColumn time() {
                return live.time();
            }

            @Override
            public void scan(RowBlockVisitor visitor) {
                live.scan(visitor);
            }
        };
    }

    /** The objects of complex column {@code name} of {@code index}, by row number. */
    public static List<Object> objects(QueryableIndex index, String name) {
        ComplexColumn column = (ComplexColumn) index.column(name);
        List<Object> objects = new ArrayList<>();
        index.scan((start, end) -> {
            for (int row = start; row < end; row++) {
                while (objects.size() <= row) {
                    objects.add(null);
                }
                objects.set(row, column.getObject(row));
            }
        });
        return objects;
    }
}
