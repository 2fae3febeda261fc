package dev.tributary.core.aggregation;

import dev.tributary.core.aggregation.hyperloglog.HyperUniqueSerde;
import dev.tributary.core.aggregation.sketch.SketchSerdes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The {@link ComplexSerde} of every complex type a live index's metric columns hold:
 *
 * <ul>
 * <li>{@code hyperUnique} (also ingest-time {@code cardinality}): Druid's collector bytes, see
 * {@link HyperUniqueSerde}.</li>
 * <li>{@code HLLSketchBuild}, {@code HLLSketchMerge}, {@code thetaSketch}, {@code quantilesDoublesSketch}:
 * DataSketches' serialized forms, see {@link SketchSerdes}.</li>
 * <li>{@code serializablePairLongLong}, {@code serializablePairLongDouble}, {@code serializablePairLongFloat},
 * {@code serializablePairLongString} (the first/last metrics): 8 bytes of time, a tag byte (0 when the
 * value is null), then the value, see {@link PairSerde}.</li>
 * </ul>
 */
public final class ComplexSerdes {
    private static final Map<String, ComplexSerde> BY_TYPE = byType();

    private ComplexSerdes() {
    }

    private static Map<String, ComplexSerde> byType() {
        Map<String, ComplexSerde> serdes = new TreeMap<>();
        Stream.of(Stream.<ComplexSerde>of(HyperUniqueSerde.INSTANCE), SketchSerdes.ALL.stream(), PairSerde.ALL.stream())
                .flatMap(s -> s)
                .forEach(serde -> {
                    if (serdes.put(serde.typeName(), serde) != null) {
                        throw new IllegalStateException("two serdes for complex type " + serde.typeName());
                    }
                });
        return serdes;
    }

    /**
     * The serde of {@code typeName}, as a complex column's {@code typeName()} gives it.
     *
     * @throws IllegalArgumentException if no serde reads that type; the message names the known ones
     */
    public static ComplexSerde forType(String typeName) {
        ComplexSerde serde = typeName == null ? null : BY_TYPE.get(typeName);
        if (serde == null) {
            throw new IllegalArgumentException("no serde for complex type [" + typeName + "]; known types: "
                    + BY_TYPE.keySet());
        }
        return serde;
    }
}
