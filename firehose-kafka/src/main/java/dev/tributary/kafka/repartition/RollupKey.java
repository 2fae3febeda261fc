package dev.tributary.kafka.repartition;

import dev.tributary.core.aggregation.Values;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.DimensionSchema;
import dev.tributary.core.time.Granularity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A 64-bit hash of a row's rollup key: its queryGranularity-truncated time and its dimension values,
 * normalized the way the in-memory index compares them. Two rows the index would fold into one row
 * always get the same hash (the converse may fail on a collision, which only costs some rollup).
 *
 * <p>The normalization follows the index: a string dimension's value is its text, a one-element list
 * is that element, an empty list is null, and a longer list is sorted (unless its
 * {@code multiValueHandling} is {@code array}) and deduplicated (for {@code sorted_set}); a numeric
 * dimension's value is the long, float or double it parses to. Declared dimensions are hashed in spec
 * order; for schemaless ingestion the non-null dimensions are hashed by name in name order, since the
 * index gives a dimension an event lacks the value null.
 *
 * <p>The hash is a pure function of the schema and the row, the same in every JVM, so several
 * instances of the repartition job agree. Changing it changes which partition a key goes to, never
 * what is counted. Immutable and safe for several threads.
 */
public final class RollupKey {
    private static final long SEED = 0x7472696275746172L; // "tributar"
    private static final long NULL = 0x6E756C6C6E756C6CL;
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private final Granularity queryGranularity;
    private final List<DimensionSchema> dimensions;

    public RollupKey(DataSchema schema) {
        this.queryGranularity = schema.granularitySpec().queryGranularity();
        this.dimensions = schema.dimensionsSpec().dimensions();
    }

    /** The hash of {@code row}'s rollup key; {@code row} is parsed and transformed. */
    public long hash(InputRow row) {
        // ALL keeps the event time in the index, so it does here too
        long rowTime = queryGranularity == Granularity.ALL ? row.timestamp() : queryGranularity.bucketStart(row.timestamp());
        long h = mix(SEED, rowTime);
        if (dimensions.isEmpty()) {
            return finish(hashSchemaless(h, row));
        }
        for (DimensionSchema dimension : dimensions) {
            Object value = row.get(dimension.name());
            h = dimension.isString() ? mixString(h, value, dimension.multiValueHandling()) : mixNumber(h, value, dimension.type());
        }
        return finish(h);
    }

    /** The hash as the 8 big-endian bytes the job writes as the Kafka key. */
    public static byte[] toBytes(long hash) {
        byte[] bytes = new byte[Long.BYTES];
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            bytes[i] = (byte) hash;
            hash >>>= 8;
        }
        return bytes;
    }

    private static long hashSchemaless(long h, InputRow row) {
        List<String> names = new ArrayList<>(row.dimensions());
        names.sort(Comparator.naturalOrder());
        for (String name : names) {
            String[] values = normalizedStrings(row.get(name), "sorted_array");
            if (values != null) {
                h = mixText(h, name);
                h = mixTexts(h, values);
            }
        }
        return h;
    }

    private static long mixString(long h, Object value, String multiValueHandling) {
        String[] values = normalizedStrings(value, multiValueHandling);
        return values == null ? mix(h, NULL) : mixTexts(h, values);
    }

    /** The values the index stores for {@code value}, in the order it keeps them; null for null. */
    private static String[] normalizedStrings(Object value, String multiValueHandling) {
        if (!(value instanceof List<?> list)) {
            return value == null ? null : new String[] {Values.toText(value)};
        }
        if (list.isEmpty()) {
            return null;
        }
        String[] texts = new String[list.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = Values.toText(list.get(i));
        }
        if (texts.length > 1 && !"array".equals(multiValueHandling)) {
            Arrays.sort(texts, NULLS_FIRST);
        }
        if (texts.length > 1 && "sorted_set".equals(multiValueHandling)) {
            int kept = 1;
            for (int i = 1; i < texts.length; i++) {
                if (!Objects.equals(texts[i], texts[kept - 1])) {
                    texts[kept++] = texts[i];
                }
            }
            texts = Arrays.copyOf(texts, kept);
        }
        if (texts.length == 1 && texts[0] == null) {
            return null; // a list holding only null is stored as null
        }
        return texts;
    }

    private static long mixTexts(long h, String[] values) {
        h = mix(h, values.length);
        for (String value : values) {
            h = value == null ? mix(h, NULL) : mixText(h, value);
        }
        return h;
    }

    private static long mixText(long h, String text) {
        h = mix(h, text.length());
        int i = 0;
        // four UTF-16 chars per step: the text's chars are the same in every JVM
        for (; i + 4 <= text.length(); i += 4) {
            h = mix(h, (long) text.charAt(i) << 48 | (long) text.charAt(i + 1) << 32
                    | (long) text.charAt(i + 2) << 16 | text.charAt(i + 3));
        }
        for (; i < text.length(); i++) {
            h = mix(h, text.charAt(i));
        }
        return h;
    }

    private static long mixNumber(long h, Object value, String type) {
        if ("long".equals(type)) {
            Long number = Values.toLong(value);
            return number == null ? mix(h, NULL) : mix(h, number);
        }
        Double number = Values.toDouble(value);
        if (number == null) {
            return mix(h, NULL);
        }
        double stored = "float".equals(type) ? (float) number.doubleValue() : number;
        return mix(h, Double.doubleToLongBits(stored));
    }

    private static long mix(long h, long value) {
        h ^= value * 0x9E3779B97F4A7C15L;
        h = Long.rotateLeft(h, 31) * 0xC2B2AE3D27D4EB4FL;
        return h;
    }

    /** MurmurHash3's 64-bit finalizer: every input bit reaches every output bit. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93FE53A4E87L;
        h ^= h >>> 33;
        return h;
    }
}
