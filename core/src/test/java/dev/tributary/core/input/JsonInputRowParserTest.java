package dev.tributary.core.input;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.SpecReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonInputRowParserTest {
    /** 2013-08-31T01:02:33Z. */
    private static final long T = Instant.parse("2013-08-31T01:02:33Z").toEpochMilli();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "iso    | `\"2013-08-31T01:02:33Z\"`",
        "iso    | `\"2013-08-31T01:02:33.000Z\"`",
        "iso    | `\"2013-08-31T03:02:33+02:00\"`",
        "iso    | `\"2013-08-31 01:02:33\"`",
        "millis | 1377910953000",
        "millis | `\"1377910953000\"`",
        "posix  | 1377910953",
        "posix  | `\"1377910953\"`",
        "auto   | 1377910953000",
        "auto   | `\"2013-08-31T01:02:33.000Z\"`",
        "auto   | `\"1377910953000\"`",
    })
    void shouldReadTheTimestampInEachFormat(String format, String jsonValue) {
        JsonInputRowParser parser = parser("""
                {"dataSource": "x", "timestampSpec": {"column": "ts", "format": "%s"}}""".formatted(format));

        InputRow row = parser.parse(bytes("{\"ts\": " + jsonValue + ", \"page\": \"a\"}"));

        assertThat(row.timestamp()).isEqualTo(T);
    }

    @Test
    void shouldUseMissingValueWhenTheEventHasNoTimestamp() {
        JsonInputRowParser parser = parser("""
                {"dataSource": "x", "timestampSpec": {"column": "ts", "missingValue": "2013-01-01T00:00:00Z"}}""");

        assertThat(parser.parse(bytes("{\"page\": \"a\"}")).timestamp())
                .isEqualTo(Instant.parse("2013-01-01T00:00:00Z").toEpochMilli());
        assertThat(parser.parse(bytes("{\"ts\": null, \"page\": \"a\"}")).timestamp())
                .isEqualTo(Instant.parse("2013-01-01T00:00:00Z").toEpochMilli());
        assertThat(parser.parse(bytes("{\"ts\": 1377910953000, \"page\": \"a\"}")).timestamp()).isEqualTo(T);
    }

    @Test
    void shouldMakeSchemalessDimensionsOfEveryFieldButTimestampMetricsAndExclusionsInEventOrder() {
        JsonInputRowParser parser = parser("""
                {
                  "dataSource": "x",
                  "timestampSpec": {"column": "ts"},
                  "dimensionsSpec": {"dimensionExclusions": ["secret"]},
                  "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "added", "fieldName": "addedInput"}]
                }""");

        InputRow row = parser.parse(bytes("""
                {"user": "u1", "ts": 1377910953000, "page": "Main", "addedInput": 5, "secret": "s", "__time": 1,
                 "country": "NZ", "count": 7}"""));

        assertThat(row.dimensions()).containsExactly("user", "page", "country");
        assertThat(row.timestamp()).isEqualTo(T);
    }

    @Test
    void shouldUseTheDeclaredDimensionsInSpecOrderAndKeepEveryField() {
        JsonInputRowParser parser = parser("""
                {
                  "dataSource": "x",
                  "timestampSpec": {"column": "ts"},
                  "dimensionsSpec": {"dimensions": ["page", {"type": "long", "name": "length"}, "absent"]}
                }""");

        InputRow row = parser.parse(bytes("""
                {"ts": 1377910953000, "length": 12, "user": "u1", "page": "Main",
                 "delta": 1.5, "big": 123456789012345678901234567890, "tags": ["b", "a", 3], "ok": true,
                 "nested": {"x": [null, false]}, "none": null}"""));

        assertThat(row.dimensions()).containsExactly("page", "length", "absent");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("ts", 1377910953000L);
        expected.put("length", 12L);
        expected.put("user", "u1");
        expected.put("page", "Main");
        expected.put("delta", 1.5d);
        expected.put("big", 1.2345678901234568E29d);
        expected.put("tags", List.of("b", "a", 3L));
        expected.put("ok", true);
        Map<String, Object> nested = new LinkedHashMap<>();
        List<Object> values = new ArrayList<>();
        values.add(null);
        values.add(false);
        nested.put("x", values);
        expected.put("nested", nested);
        expected.put("none", null);
        assertThat(row.fields()).containsExactlyEntriesOf(expected);
        assertThat(row.get("length")).isInstanceOf(Long.class);
        assertThat(row.get("delta")).isInstanceOf(Double.class);
    }

    @Test
    void shouldKeepJsonIntegersAsExactLongs() {
        JsonInputRowParser parser = parser("""
                {"dataSource": "x", "timestampSpec": {"column": "ts"}}""");

        InputRow row = parser.parse(bytes("{\"ts\": 1377910953000, \"id\": 9007199254740993, \"n\": 12, \"neg\": -3}"));

        assertThat(row.get("id")).isEqualTo(9_007_199_254_740_993L);
        assertThat(row.get("n")).isEqualTo(12L);
        assertThat(row.get("neg")).isEqualTo(-3L);
        assertThat(row.get("ts")).isEqualTo(1_377_910_953_000L);
    }

    @Test
    void shouldRefuseBytesThatAreNotJson() {
        assertUnparseable("this is not json", "event is not a JSON object");
    }

    @Test
    void shouldRefuseAJsonArray() {
        assertUnparseable("[{\"ts\": 1377910953000}]", "event is not a JSON object");
    }

    @Test
    void shouldRefuseJsonNull() {
        assertUnparseable("null", "event is not a JSON object");
    }

    @Test
    void shouldRefuseAJsonScalar() {
        assertUnparseable("1377910953000", "event is not a JSON object");
    }

    @Test
    void shouldRefuseEmptyBytes() {
        assertUnparseable("", "event is empty");
    }

    @Test
    void shouldRefuseGarbageAfterTheObject() {
        assertUnparseable("{\"ts\": 1377910953000} garbage", "event has data after its JSON object");
    }

    @Test
    void shouldRefuseASecondObjectAfterTheFirst() {
        assertUnparseable("{\"ts\": 1377910953000}{\"ts\": 1377910953000}", "event has data after its JSON object");
    }

    @Test
    void shouldRefuseATruncatedObject() {
        assertUnparseable("{\"ts\": 1377910953000, \"tags\": [\"a\", ", "event is not valid JSON: unexpected end of event");
    }

    @Test
    void shouldRefuseAnEventWithoutTimestamp() {
        assertUnparseable("{\"page\": \"a\"}", "event has no timestamp in field 'ts'");
        assertUnparseable("{\"page\": \"a\", \"ts\": null}", "event has no timestamp in field 'ts'");
    }

    @Test
    void shouldRefuseAGarbageTimestamp() {
        assertUnparseable("{\"ts\": \"yesterday\"}", "timestamp 'yesterday' in field 'ts' is not a valid auto time");
        assertUnparseable("{\"ts\": true}", "timestamp 'true' in field 'ts' is not a valid auto time");
        assertUnparseable("{\"ts\": [1377910953000]}", "timestamp '[1377910953000]' in field 'ts' is not a valid auto time");
        assertUnparseable("{\"ts\": \"2013-13-01\"}", "timestamp '2013-13-01' in field 'ts' is not a valid auto time");
    }

    @Test
    void shouldRefuseADateThatDoesNotExistRatherThanMoveItToAnotherDay() {
        assertUnparseable("{\"ts\": \"2013-02-30T00:00:00Z\"}",
                "timestamp '2013-02-30T00:00:00Z' in field 'ts' is not a valid auto time");
    }

    @Test
    void shouldRefuseANumberWhereIsoTextIsExpected() {
        JsonInputRowParser parser = parser("""
                {"dataSource": "x", "timestampSpec": {"column": "ts", "format": "iso"}}""");

        assertThatThrownBy(() -> parser.parse(bytes("{\"ts\": 1377910953000}")))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("timestamp '1377910953000' in field 'ts' is not a valid iso time");
    }

    @Test
    void shouldRefuseTextWhereMillisAreExpected() {
        JsonInputRowParser parser = parser("""
                {"dataSource": "x", "timestampSpec": {"column": "ts", "format": "millis"}}""");

        assertThatThrownBy(() -> parser.parse(bytes("{\"ts\": \"2013-08-31\"}")))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage("timestamp '2013-08-31' in field 'ts' is not a valid millis time");
    }

    private static void assertUnparseable(String event, String messageStart) {
        JsonInputRowParser parser = parser("""
                {"dataSource": "x", "timestampSpec": {"column": "ts"}}""");

        assertThatThrownBy(() -> parser.parse(bytes(event)))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessageStartingWith(messageStart);
    }

    private static JsonInputRowParser parser(String dataSchema) {
        DataSchema schema = SpecReader.read(dataSchema, DataSchema.class);
        return new JsonInputRowParser(schema);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
