package dev.tributary.core.aggregation.hyperloglog;

import dev.tributary.core.aggregation.ComplexSerde;
import java.nio.ByteBuffer;

/**
 * {@code hyperUnique} collectors (also what ingest-time {@code cardinality} stores) as Druid's serialized
 * form, {@link HyperLogLogCollector#toByteArray}: sparse below 128 non-zero registers, dense above.
 * They are read back into the dense collector the row held, not the sparse one Druid's reader makes
 * of sparse bytes, so that a persisted row estimates and merges exactly as the live row did.
 */
public final class HyperUniqueSerde implements ComplexSerde {
    public static final HyperUniqueSerde INSTANCE = new HyperUniqueSerde();

    private HyperUniqueSerde() {
    }

    @Override
    public String typeName() {
        return "hyperUnique";
    }

    @Override
    public byte[] toBytes(Object value) {
        if (value instanceof HyperLogLogCollector collector) {
            return collector.toByteArray();
        }
        throw new IllegalArgumentException("hyperUnique holds HyperLogLogCollector objects, not "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    @Override
    public Object fromBytes(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(bytes.position(), copy);
        return HyperLogLogCollector.fromDenseCollectorBytes(copy);
    }
}
