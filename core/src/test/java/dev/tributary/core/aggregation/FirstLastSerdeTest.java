package dev.tributary.core.aggregation;

import static dev.tributary.core.aggregation.Aggregations.factory;
import static dev.tributary.core.aggregation.Aggregations.intermediate;
import static dev.tributary.core.aggregation.Aggregations.intermediatesBy;
import static dev.tributary.core.aggregation.Aggregations.json;
import static dev.tributary.core.aggregation.SerdeRoundTrip.objects;
import static dev.tributary.core.aggregation.SerdeRoundTrip.readBack;
import static dev.tributary.core.aggregation.SerdeRoundTrip.roundTrip;
import static dev.tributary.core.testing.TestData.dataSchema;
import static dev.tributary.core.testing.TestData.index;
import static dev.tributary.core.testing.TestData.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.time.DateTimes;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** First/last pairs through their serdes: the same time, the same value and the same Java type back. */
class FirstLastSerdeTest {
    private static final List<String> TYPES = List.of("longFirst", "longLast", "doubleFirst", "doubleLast",
            "floatFirst", "floatLast", "stringFirst", "stringLast");

    /**
     * One metric of each type, named after it. Rows (by page): "none" has no values; "one" one event;
     * "many" events out of time order with extreme numbers, unicode, an unpaired surrogate and an
     * empty string; "nulls" values that come and go; "cut" a string cut to a few UTF-8 bytes.
     */
    private static IncrementalIndex pairs() {
        StringBuilder metrics = new StringBuilder("[");
        for (String type : TYPES) {
            String field = type.startsWith("string") ? "s" : "x";
            metrics.append("{\"type\": \"").append(type).append("\", \"name\": \"").append(type)
                    .append("\", \"fieldName\": \"").append(field).append("\"},");
        }
        metrics.append("{\"type\": \"stringLast\", \"name\": \"cut\", \"fieldName\": \"s\", \"maxStringBytes\": 5}]");
        return index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": %s, "granularitySpec": {"queryGranularity": "hour"}}""".formatted(metrics)),
                "{\"ts\": \"2020-01-01T00:00:00Z\", \"page\": \"none\"}",
                "{\"ts\": \"2020-01-01T00:10:00Z\", \"page\": \"one\", \"x\": 0.1, \"s\": \"naïve café\"}",
                "{\"ts\": \"2020-01-01T00:00:05Z\", \"page\": \"many\", \"x\": 9007199254740993, \"s\": \"日本語\"}",
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"many\", \"x\": -0.0, \"s\": \"\\ud800 unpaired\"}",
                "{\"ts\": \"2020-01-01T00:00:09Z\", \"page\": \"many\", \"x\": 1.7976931348623157E308, \"s\": \"😀 \\u0000 ok\"}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"many\", \"x\": -9223372036854775808, \"s\": \"\"}",
                "{\"ts\": \"2020-01-01T00:00:07Z\", \"page\": \"many\", \"x\": 3.4028235E38, \"s\": \"a\\udc00\"}",
                "{\"ts\": \"2020-01-01T00:00:02Z\", \"page\": \"nulls\", \"x\": 7}",
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"nulls\", \"s\": \"early\"}",
                "{\"ts\": \"2020-01-01T00:00:04Z\", \"page\": \"nulls\", \"s\": null, \"x\": null}",
                "{\"ts\": \"2020-01-01T00:00:04Z\", \"page\": \"cut\", \"x\": 1e-45, \"s\": \"ab😀😀\"}");
    }

    @Test
    void shouldReadBackEveryRowsPairWithItsTimeValueAndJavaType() {
        IncrementalIndex live = pairs();
        QueryableIndex persisted = readBack(live);
        int compared = 0;

        for (AggregatorFactory metric : live.metrics()) {
            List<Object> before = objects(live, metric.name());
            List<Object> after = objects(persisted, metric.name());
            assertThat(after).hasSameSizeAs(before);
            for (int row = 0; row < before.size(); row++) {
                Object original = before.get(row);
                Object read = after.get(row);
                assertThat(read).as("%s row %d", metric.name(), row).isEqualTo(original);
                if (original != null) {
                    SerializablePair pair = (SerializablePair) original;
                    assertThat(((SerializablePair) read).lhs()).isEqualTo(pair.lhs());
                    if (pair.rhs() != null) {
                        assertThat(((SerializablePair) read).rhs()).isExactlyInstanceOf(pair.rhs().getClass());
                    }
                    assertThat(json(read)).isEqualTo(json(original));
                    compared++;
                }
            }
        }

        assertThat(compared).isEqualTo(9 * 5 - 3); // the "none" row has no pair for stringFirst, stringLast and cut
    }

    @Test
    void shouldReadTheIndexsUnusualValuesBackBitForBit() {
        IncrementalIndex live = pairs();
        QueryableIndex persisted = readBack(live);
        int many = rowOf(live, "many");

        assertThat(objects(live, "stringFirst").get(many)).isEqualTo(new SerializablePair(millis("00:00:01"), "\ud800 unpaired"));
        assertThat(objects(persisted, "stringFirst").get(many)).isEqualTo(new SerializablePair(millis("00:00:01"), "\ud800 unpaired"));
        assertThat(objects(persisted, "stringLast").get(many)).isEqualTo(new SerializablePair(millis("00:00:09"), "😀 \u0000 ok"));
        assertThat(objects(persisted, "doubleFirst").get(many)).isEqualTo(new SerializablePair(millis("00:00:01"), -0.0));
        assertThat(objects(persisted, "floatFirst").get(many)).isEqualTo(new SerializablePair(millis("00:00:01"), -0.0f));
        assertThat(objects(persisted, "longLast").get(many)).isEqualTo(new SerializablePair(millis("00:00:09"), Long.MAX_VALUE));
        assertThat(objects(persisted, "floatLast").get(many)).isEqualTo(new SerializablePair(millis("00:00:09"), Float.POSITIVE_INFINITY));
        assertThat(objects(persisted, "cut").get(rowOf(live, "cut"))).isEqualTo(new SerializablePair(millis("00:00:04"), "ab"));
        assertThat(objects(persisted, "doubleLast").get(rowOf(live, "nulls"))).isEqualTo(new SerializablePair(millis("00:00:04"), null));
        assertThat(objects(persisted, "stringLast").get(rowOf(live, "nulls"))).isEqualTo(new SerializablePair(millis("00:00:01"), "early"));
        assertThat(objects(persisted, "stringLast").get(rowOf(live, "none"))).isNull();
    }

    @Test
    void shouldAnswerFirstLastQueriesAndCombineExactlyAsTheLiveRows() {
        IncrementalIndex live = pairs();
        QueryableIndex persisted = readBack(live);

        for (String type : TYPES) {
            AggregatorFactory query = factory("{\"type\": \"" + type + "\", \"name\": \"v\", \"fieldName\": \"" + type + "\"}");
            Map<String, Object> byPage = intermediatesBy(query, live, "page");
            assertThat(intermediatesBy(query, persisted, "page")).as(type).isEqualTo(byPage);
            assertThat(json(intermediatesBy(query, persisted, "page"))).isEqualTo(json(byPage));
            assertThat(intermediate(query, persisted)).isEqualTo(intermediate(query, live));

            List<Object> before = objects(live, type);
            List<Object> after = objects(persisted, type);
            for (int i = 0; i < before.size(); i++) {
                for (int j = 0; j < before.size(); j++) {
                    assertThat(query.combine(after.get(i), after.get(j))).isEqualTo(query.combine(before.get(i), before.get(j)));
                }
            }
        }
    }

    @Test
    void shouldKeepRawBitsExtremeTimesAndAnyTextOutsideWhatJsonEventsCarry() {
        double nanWithPayload = Double.longBitsToDouble(0x7ff0_0000_0000_0123L);
        float floatNanWithPayload = Float.intBitsToFloat(0x7fc0_0321);
        String big = "é".repeat(70_000);

        SerializablePair doubleNan = (SerializablePair) roundTrip("serializablePairLongDouble", new SerializablePair(Long.MIN_VALUE, nanWithPayload));
        SerializablePair floatNan = (SerializablePair) roundTrip("serializablePairLongFloat", new SerializablePair(Long.MAX_VALUE, floatNanWithPayload));

        assertThat(Double.doubleToRawLongBits((Double) doubleNan.rhs())).isEqualTo(0x7ff0_0000_0000_0123L);
        assertThat(doubleNan.lhs()).isEqualTo(Long.MIN_VALUE);
        assertThat(Float.floatToRawIntBits((Float) floatNan.rhs())).isEqualTo(0x7fc0_0321);
        assertThat(roundTrip("serializablePairLongString", new SerializablePair(Long.MAX_VALUE / 2, null)))
                .isEqualTo(new SerializablePair(Long.MAX_VALUE / 2, null));
        for (String text : new String[] {"", "\udc00", "x\ud83d", "\ud83d\ude00\ud800\ud83d\ude00", "\u0000", big}) {
            assertThat(roundTrip("serializablePairLongString", new SerializablePair(-1, text))).isEqualTo(new SerializablePair(-1, text));
        }
    }

    @Test
    void shouldWriteTheDocumentedBytes() {
        assertThat(hex("serializablePairLongLong", new SerializablePair(1, -2L))).isEqualTo("0000000000000001" + "01" + "fffffffffffffffe");
        assertThat(hex("serializablePairLongDouble", new SerializablePair(1, 1.0))).isEqualTo("0000000000000001" + "01" + "3ff0000000000000");
        assertThat(hex("serializablePairLongFloat", new SerializablePair(1, 1.0f))).isEqualTo("0000000000000001" + "01" + "3f800000");
        assertThat(hex("serializablePairLongFloat", new SerializablePair(2, null))).isEqualTo("0000000000000002" + "00");
        assertThat(hex("serializablePairLongString", new SerializablePair(1, "é"))).isEqualTo("0000000000000001" + "01" + "00000002" + "c3a9");
        assertThat(hex("serializablePairLongString", new SerializablePair(1, "\ud800x"))).isEqualTo("0000000000000001" + "02" + "00000002" + "d8000078");
    }

    @Test
    void shouldRefuseBytesThatAreNotExactlyOnePair() {
        ComplexSerde longs = ComplexSerdes.forType("serializablePairLongLong");
        ComplexSerde strings = ComplexSerdes.forType("serializablePairLongString");
        byte[] pair = longs.toBytes(new SerializablePair(1, 2L));
        byte[] text = strings.toBytes(new SerializablePair(1, "abc"));

        assertThatThrownBy(() -> longs.fromBytes(ByteBuffer.wrap(pair, 0, pair.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serializablePairLongLong");
        assertThatThrownBy(() -> longs.fromBytes(ByteBuffer.wrap(new byte[pair.length + 1], 0, pair.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> strings.fromBytes(ByteBuffer.wrap(text, 0, text.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serializablePairLongString");
        text[8] = 3;
        assertThatThrownBy(() -> strings.fromBytes(ByteBuffer.wrap(text)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag 3");
        pair[8] = 2; // the UTF-16 tag is for strings only
        assertThatThrownBy(() -> longs.fromBytes(ByteBuffer.wrap(pair)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag 2");
    }

    private static String hex(String type, SerializablePair pair) {
        return HexFormat.of().formatHex(ComplexSerdes.forType(type).toBytes(pair));
    }

    private static long millis(String time) {
        return DateTimes.parseIso("2020-01-01T" + time + "Z");
    }

    private static int rowOf(IncrementalIndex index, String page) {
        List<Object> pages = rows(index, "page").stream().map(r -> r.get("page")).toList();
        return pages.indexOf(page);
    }
}
