package dev.tributary.core.aggregation.sketch;

import dev.tributary.core.aggregation.ComplexSerde;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantiles.DoublesSketch;
import org.apache.datasketches.quantiles.UpdateDoublesSketch;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.Sketch;

/**
 * The DataSketches column types in DataSketches' serialized forms, which Druid's readers take too. A
 * form is compact, as Druid writes it, except where reading the compact bytes back would build a
 * sketch that merges differently from the row's:
 *
 * <ul>
 * <li>{@code HLLSketchBuild}, {@code HLLSketchMerge}: {@link HllSketch#toCompactByteArray}, except for a
 * sketch in SET mode (between a handful of values and about K/8): compact bytes list its coupons in
 * hash-table order, and the table {@link HllSketch#heapify} rebuilds from them can place them
 * otherwise, so unions with the read-back sketch serialize differently. Such a sketch is written
 * {@link HllSketch#toUpdatableByteArray updatable}, which is the table itself (two to three times the
 * compact size). Read back with {@link HllSketch#heapify}, which takes either.</li>
 * <li>{@code thetaSketch}: the compact ordered form, {@link Sketch#compact()}{@code .toByteArray()}, which
 * is what the row holds (a union's result); read back as a {@link CompactSketch}.</li>
 * <li>{@code quantilesDoublesSketch}: {@link DoublesSketch#toByteArray toByteArray(false)}, updatable,
 * read back as the same {@link UpdateDoublesSketch} the row holds. Not compact: compact bytes sort the
 * base buffer, and its order decides which items a merge compacts when the target's base buffer fills
 * part way through (and, between {@code -0.0} and {@code 0.0}, the merged min and max). The updatable form
 * holds the whole base buffer capacity and every level up to the top: from the same size as compact
 * to about three times it. (An already compact sketch is written compact.)</li>
 * </ul>
 *
 * Bytes are copied to the heap before they are read: DataSketches' {@code Memory} cannot wrap a direct
 * buffer on Java 17 without {@code --add-exports}, and no sketch may outlive a mapped file's buffer.
 */
public final class SketchSerdes {
    /** Where an HLL sketch's preamble keeps its mode (low two bits), and the SET mode's value. */
    private static final int HLL_MODE_BYTE = 7;
    private static final int HLL_SET_MODE = 1;

    /** Every sketch type a live index's metric columns hold. */
    public static final List<ComplexSerde> ALL = List.of(
            new Serde<>("HLLSketchBuild", HllSketch.class, SketchSerdes::hllBytes, HllSketch::heapify),
            new Serde<>("HLLSketchMerge", HllSketch.class, SketchSerdes::hllBytes, HllSketch::heapify),
            new Serde<>("thetaSketch", Sketch.class, s -> s.compact().toByteArray(),
                    bytes -> CompactSketch.heapify(Memory.wrap(bytes))),
            new Serde<>("quantilesDoublesSketch", DoublesSketch.class, SketchSerdes::quantilesBytes,
                    bytes -> DoublesSketch.heapify(Memory.wrap(bytes))));

    private SketchSerdes() {
    }

    private static byte[] hllBytes(HllSketch sketch) {
        byte[] compact = sketch.toCompactByteArray();
        return (compact[HLL_MODE_BYTE] & 3) == HLL_SET_MODE ? sketch.toUpdatableByteArray() : compact;
    }

    private static byte[] quantilesBytes(DoublesSketch sketch) {
        return sketch.toByteArray(!(sketch instanceof UpdateDoublesSketch));
    }

    private record Serde<S>(String typeName, Class<S> type, Function<S, byte[]> write, Function<byte[], Object> read)
            implements ComplexSerde {
        @Override
        public byte[] toBytes(Object value) {
            if (!type.isInstance(value)) {
                throw new IllegalArgumentException(typeName + " holds " + type.getSimpleName() + " objects, not "
                        + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            return write.apply(type.cast(value));
        }

        @Override
        public Object fromBytes(ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(bytes.position(), copy);
            try {
                return read.apply(copy);
            } catch (RuntimeException unreadable) {
                throw new IllegalArgumentException("not a " + typeName + " sketch: " + copy.length + " bytes", unreadable);
            }
        }
    }
}
