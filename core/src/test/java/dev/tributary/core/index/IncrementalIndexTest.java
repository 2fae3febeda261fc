package dev.tributary.core.index;

import static dev.tributary.core.testing.TestData.dataSchema;
import static dev.tributary.core.testing.TestData.index;
import static dev.tributary.core.testing.TestData.row;
import static dev.tributary.core.testing.TestData.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncrementalIndexTest {
    private static final String METRICS = """
            [{"type": "count", "name": "count"},
             {"type": "longSum", "name": "added", "fieldName": "added"},
             {"type": "doubleSum", "name": "delta", "fieldName": "delta"}]""";

    private static final String[] EDITS = {
        "{\"ts\": \"2013-08-31T01:02:03Z\", \"page\": \"a\", \"added\": 10, \"delta\": 0.5}",
        "{\"ts\": \"2013-08-31T01:02:33Z\", \"page\": \"a\", \"added\": 20, \"delta\": 0.25}",
        "{\"ts\": \"2013-08-31T01:02:59.999Z\", \"page\": \"a\", \"added\": 30, \"delta\": 1.25}",
        "{\"ts\": \"2013-08-31T01:02:10Z\", \"page\": \"b\", \"added\": 1, \"delta\": -0.5}",
        "{\"ts\": \"2013-08-31T01:03:00Z\", \"page\": \"a\", \"added\": 7, \"delta\": 3}",
    };

    private static DataSchema minuteSchema(boolean rollup) {
        return dataSchema("""
                {
                  "dataSource": "wiki",
                  "timestampSpec": {"column": "ts"},
                  "dimensionsSpec": {"dimensions": ["page"]},
                  "metricsSpec": %s,
                  "granularitySpec": {"queryGranularity": "minute", "rollup": %s}
                }""".formatted(METRICS, rollup));
    }

    @Test
    void shouldRollUpEventsWithTheSameTruncatedTimeAndDimensions() {
        IncrementalIndex index = index(minuteSchema(true), EDITS);

        assertThat(index.rowCount()).isEqualTo(3);
        assertThat(rows(index, "page", "count", "added", "delta")).containsExactly(
                row("__time", "2013-08-31T01:02:00.000Z", "page", "a", "count", 3L, "added", 60L, "delta", 2.0),
                row("__time", "2013-08-31T01:02:00.000Z", "page", "b", "count", 1L, "added", 1L, "delta", -0.5),
                row("__time", "2013-08-31T01:03:00.000Z", "page", "a", "count", 1L, "added", 7L, "delta", 3.0));
    }

    @Test
    void shouldKeepOneRowPerEventWhenRollupIsOff() {
        IncrementalIndex index = index(minuteSchema(false), EDITS);

        assertThat(index.rowCount()).isEqualTo(5);
        assertThat(rows(index, "page", "count", "added", "delta")).containsExactly(
                row("__time", "2013-08-31T01:02:00.000Z", "page", "a", "count", 1L, "added", 10L, "delta", 0.5),
                row("__time", "2013-08-31T01:02:00.000Z", "page", "a", "count", 1L, "added", 20L, "delta", 0.25),
                row("__time", "2013-08-31T01:02:00.000Z", "page", "a", "count", 1L, "added", 30L, "delta", 1.25),
                row("__time", "2013-08-31T01:02:00.000Z", "page", "b", "count", 1L, "added", 1L, "delta", -0.5),
                row("__time", "2013-08-31T01:03:00.000Z", "page", "a", "count", 1L, "added", 7L, "delta", 3.0));
    }

    @Test
    void shouldKeepMillisecondTimesWhenQueryGranularityIsNone() {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "count", "name": "count"}]}""");

        IncrementalIndex index = index(schema,
                "{\"ts\": \"2013-08-31T01:02:03.004Z\", \"page\": \"a\"}",
                "{\"ts\": \"2013-08-31T01:02:03.004Z\", \"page\": \"a\"}",
                "{\"ts\": \"2013-08-31T01:02:03.005Z\", \"page\": \"a\"}");

        assertThat(rows(index, "count")).containsExactly(
                row("__time", "2013-08-31T01:02:03.004Z", "count", 2L),
                row("__time", "2013-08-31T01:02:03.005Z", "count", 1L));
    }

    @Test
    void shouldSortMultiValueDimensionsSoThatValueOrderDoesNotSplitRows() {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["tags"]},
                 "metricsSpec": [{"type": "count", "name": "count"}]}""");

        IncrementalIndex index = index(schema,
                "{\"ts\": 1000, \"tags\": [\"b\", \"a\"]}",
                "{\"ts\": 1000, \"tags\": [\"a\", \"b\"]}",
                "{\"ts\": 1000, \"tags\": [\"a\"]}",
                "{\"ts\": 1000, \"tags\": \"a\"}",
                "{\"ts\": 1000, \"tags\": [\"c\", 2, \"a\"]}");

        assertThat(rows(index, "tags", "count")).containsExactly(
                row("__time", "1970-01-01T00:00:01.000Z", "tags", List.of("a", "b"), "count", 2L),
                row("__time", "1970-01-01T00:00:01.000Z", "tags", "a", "count", 2L),
                row("__time", "1970-01-01T00:00:01.000Z", "tags", List.of("2", "a", "c"), "count", 1L));
    }

    @Test
    void shouldKeepInputOrderForArrayHandlingAndDropDuplicatesForSortedSet() {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"},
                 "dimensionsSpec": {"dimensions": [{"name": "ordered", "multiValueHandling": "array"},
                                                   {"name": "unique", "multiValueHandling": "sorted_set"}]},
                 "metricsSpec": [{"type": "count", "name": "count"}]}""");

        IncrementalIndex index = index(schema,
                "{\"ts\": 1000, \"ordered\": [\"b\", \"a\"], \"unique\": [\"b\", \"a\", \"b\"]}",
                "{\"ts\": 1000, \"ordered\": [\"a\", \"b\"], \"unique\": [\"a\", \"b\"]}",
                "{\"ts\": 1000, \"ordered\": [\"a\", \"b\"], \"unique\": [\"a\", \"a\"]}");

        assertThat(rows(index, "ordered", "unique", "count")).containsExactly(
                row("__time", "1970-01-01T00:00:01.000Z", "ordered", List.of("b", "a"), "unique", List.of("a", "b"), "count", 1L),
                row("__time", "1970-01-01T00:00:01.000Z", "ordered", List.of("a", "b"), "unique", List.of("a", "b"), "count", 1L),
                row("__time", "1970-01-01T00:00:01.000Z", "ordered", List.of("a", "b"), "unique", "a", "count", 1L));
    }

    @Test
    void shouldGiveAListSeenBeforeTheKeyItGotTheFirstTime() {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"},
                 "dimensionsSpec": {"dimensions": ["tags", {"name": "ordered", "multiValueHandling": "array"},
                                                   {"name": "unique", "multiValueHandling": "sorted_set"}]},
                 "metricsSpec": [{"type": "count", "name": "count"}]}""");
        String[] kinds = {
            "{\"ts\": 1000, \"tags\": [\"b\", \"a\"], \"ordered\": [\"b\", \"a\"], \"unique\": [\"b\", \"a\", \"b\"]}",
            "{\"ts\": 1000, \"tags\": [\"a\", \"b\"], \"ordered\": [\"a\", \"b\"], \"unique\": [\"a\", \"a\"]}",
            "{\"ts\": 1000, \"tags\": \"a\", \"ordered\": [\"a\", \"b\"], \"unique\": \"a\"}"};
        List<String> events = new java.util.ArrayList<>();
        for (int round = 0; round < 3; round++) {
            events.addAll(List.of(kinds));
        }

        IncrementalIndex index = index(schema, events.toArray(String[]::new));

        assertThat(rows(index, "tags", "ordered", "unique", "count")).containsExactly(
                row("__time", "1970-01-01T00:00:01.000Z", "tags", List.of("a", "b"), "ordered", List.of("b", "a"),
                        "unique", List.of("a", "b"), "count", 3L),
                row("__time", "1970-01-01T00:00:01.000Z", "tags", List.of("a", "b"), "ordered", List.of("a", "b"),
                        "unique", "a", "count", 3L),
                row("__time", "1970-01-01T00:00:01.000Z", "tags", "a", "ordered", List.of("a", "b"),
                        "unique", "a", "count", 3L));
    }

    @Test
    void shouldRollUpEqualValueListsAmongManyDistinctOnes() {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["tags"]},
                 "metricsSpec": [{"type": "count", "name": "count"}]}""");
        List<String> events = new java.util.ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 100; i++) {
                // the second round lists the same values in another order, with a null: sorted_array rolls them up
                events.add(round == 0
                        ? "{\"ts\": 1000, \"tags\": [\"v" + (i + 1) + "\", \"v" + i + "\", null]}"
                        : "{\"ts\": 1000, \"tags\": [null, \"v" + i + "\", \"v" + (i + 1) + "\"]}");
            }
        }

        IncrementalIndex index = index(schema, events.toArray(String[]::new));

        assertThat(index.rowCount()).isEqualTo(100);
        List<java.util.Map<String, Object>> rows = rows(index, "tags", "count");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("count")).isEqualTo(2L));
        assertThat(rows).extracting(row -> row.get("tags")).contains(java.util.Arrays.asList(null, "v0", "v1"));
    }

    @Test
    void shouldRollUpNullMissingAndEmptyDimensionValuesTogether() {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page", "user"]},
                 "metricsSpec": [{"type": "count", "name": "count"}]}""");

        IncrementalIndex index = index(schema,
                "{\"ts\": 1000, \"page\": null, \"user\": \"u\"}",
                "{\"ts\": 1000, \"user\": \"u\"}",
                "{\"ts\": 1000, \"page\": [], \"user\": \"u\"}",
                "{\"ts\": 1000, \"page\": \"p\"}",
                "{\"ts\": 1000, \"page\": \"p\", \"user\": null}",
                "{\"ts\": 1000}");

        assertThat(rows(index, "page", "user", "count")).containsExactly(
                row("__time", "1970-01-01T00:00:01.000Z", "page", null, "user", "u", "count", 3L),
                row("__time", "1970-01-01T00:00:01.000Z", "page", "p", "user", null, "count", 2L),
                row("__time", "1970-01-01T00:00:01.000Z", "page", null, "user", null, "count", 1L));
    }

    @Test
    void shouldHoldLongDimensionsAsLongs() {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"},
                 "dimensionsSpec": {"dimensions": [{"type": "long", "name": "length"}, {"type": "double", "name": "ratio"}]},
                 "metricsSpec": [{"type": "count", "name": "count"}]}""");

        IncrementalIndex index = index(schema,
                "{\"ts\": 1000, \"length\": 5, \"ratio\": 0.5}",
                "{\"ts\": 1000, \"length\": \"5\", \"ratio\": \"0.5\"}",
                "{\"ts\": 1000, \"length\": 5.9, \"ratio\": 0.5}",
                "{\"ts\": 1000, \"length\": 7}",
                "{\"ts\": 1000, \"length\": \"not a number\"}");

        List<Map<String, Object>> rows = rows(index, "length", "ratio", "count");
        assertThat(rows).containsExactly(
                row("__time", "1970-01-01T00:00:01.000Z", "length", 5L, "ratio", 0.5, "count", 3L),
                row("__time", "1970-01-01T00:00:01.000Z", "length", 7L, "ratio", null, "count", 1L),
                row("__time", "1970-01-01T00:00:01.000Z", "length", null, "ratio", null, "count", 1L));
        assertThat(rows.get(0).get("length")).isInstanceOf(Long.class);
        assertThat(rows.get(0).get("ratio")).isInstanceOf(Double.class);
    }

    @Test
    void shouldAddSchemalessDimensionsInOrderOfFirstAppearanceAsText() {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"},
                 "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "added", "fieldName": "added"}]}""");

        IncrementalIndex index = index(schema,
                "{\"ts\": 1000, \"page\": \"a\", \"added\": 1}",
                "{\"ts\": 1000, \"user\": \"u\", \"page\": \"a\", \"added\": 2}",
                "{\"ts\": 1000, \"page\": \"a\", \"added\": 4, \"count\": 99}",
                "{\"ts\": 1000, \"code\": 12, \"ok\": true, \"ratio\": 0.5, \"added\": 8}");

        assertThat(index.dimensionNames()).containsExactly("page", "user", "code", "ok", "ratio");
        assertThat(rows(index, "page", "user", "code", "ok", "ratio", "count", "added")).containsExactly(
                row("__time", "1970-01-01T00:00:01.000Z", "page", "a", "user", null, "code", null, "ok", null, "ratio", null,
                        "count", 2L, "added", 5L),
                row("__time", "1970-01-01T00:00:01.000Z", "page", "a", "user", "u", "code", null, "ok", null, "ratio", null,
                        "count", 1L, "added", 2L),
                row("__time", "1970-01-01T00:00:01.000Z", "page", null, "user", null, "code", "12", "ok", "true", "ratio", "0.5",
                        "count", 1L, "added", 8L));
    }

    @Test
    void shouldIgnoreFieldsThatAreNotDeclaredDimensions() {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "count", "name": "count"}]}""");

        IncrementalIndex index = index(schema,
                "{\"ts\": 1000, \"page\": \"a\", \"user\": \"u1\"}",
                "{\"ts\": 1000, \"page\": \"a\", \"user\": \"u2\"}");

        assertThat(index.dimensionNames()).containsExactly("page");
        assertThat(rows(index, "page", "user", "count")).containsExactly(
                row("__time", "1970-01-01T00:00:01.000Z", "page", "a", "user", null, "count", 2L));
    }

    @Test
    void shouldLeaveASumNullWhenNoEventCarriedANumber() {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "longSum", "name": "added", "fieldName": "added"},
                                 {"type": "doubleSum", "name": "delta", "fieldName": "delta"}]}""");

        IncrementalIndex index = index(schema,
                "{\"ts\": 1000, \"page\": \"a\"}",
                "{\"ts\": 1000, \"page\": \"a\", \"added\": \"many\", \"delta\": null}",
                "{\"ts\": 1000, \"page\": \"b\", \"added\": \"12\", \"delta\": \"0.5\"}",
                "{\"ts\": 1000, \"page\": \"b\", \"added\": 9007199254740993, \"delta\": 1}");

        List<Map<String, Object>> rows = rows(index, "page", "added", "delta");
        assertThat(rows).containsExactly(
                row("__time", "1970-01-01T00:00:01.000Z", "page", "a", "added", null, "delta", null),
                row("__time", "1970-01-01T00:00:01.000Z", "page", "b", "added", 9_007_199_254_741_005L, "delta", 1.5));
    }

    @Test
    void shouldReportTheDataIntervalFromTheEarliestRowToTheEndOfTheLatestRowsBucket() {
        IncrementalIndex index = new IncrementalIndex(minuteSchema(true));
        assertThat(index.dataInterval()).isNull();
        assertThat(index.maxIngestedEventTime()).isEqualTo(Long.MIN_VALUE);

        index = index(minuteSchema(true), EDITS);

        assertThat(index.dataInterval()).isEqualTo(new Interval(
                Instant.parse("2013-08-31T01:02:00Z").toEpochMilli(), Instant.parse("2013-08-31T01:04:00Z").toEpochMilli()));
        assertThat(index.maxIngestedEventTime()).isEqualTo(Instant.parse("2013-08-31T01:03:00Z").toEpochMilli());
        assertThat(index.dataSource()).isEqualTo("wiki");
        assertThat(index.queryGranularity()).isEqualTo(Granularity.MINUTE);
        assertThat(index.rollup()).isTrue();
        assertThat(index.dimensionNames()).containsExactly("page");
        assertThat(index.metrics()).extracting(AggregatorFactory::name).containsExactly("count", "added", "delta");
    }

    @Test
    void shouldExposeColumnsOfTheirTypesAndNothingForAnUnknownName() {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"},
                 "dimensionsSpec": {"dimensions": ["page", {"type": "long", "name": "length"}, {"type": "double", "name": "ratio"}]},
                 "metricsSpec": %s}""".formatted(METRICS));

        IncrementalIndex index = index(schema, "{\"ts\": 1000, \"page\": \"a\", \"length\": 3, \"ratio\": 0.5, \"added\": 1}");

        assertThat(index.column("__time").type()).isEqualTo(ColumnType.LONG);
        assertThat(index.column("page").type()).isEqualTo(ColumnType.STRING);
        assertThat(index.column("length").type()).isEqualTo(ColumnType.LONG);
        assertThat(index.column("ratio").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(index.column("count").type()).isEqualTo(ColumnType.LONG);
        assertThat(index.column("added").type()).isEqualTo(ColumnType.LONG);
        assertThat(index.column("delta").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(index.column("nope")).isNull();
    }

    @Test
    void shouldScanEveryRowExactlyOnceInConsecutiveBlocks() {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "count", "name": "count"}], "granularitySpec": {"rollup": false}}""");
        IncrementalIndex index = new IncrementalIndex(schema);
        int rows = 2 * IncrementalIndex.SCAN_BLOCK + 5;
        for (int i = 0; i < rows; i++) {
            index.add(new InputRow(1000L + i, List.of("page"), Map.of("page", "p")));
        }
        List<int[]> blocks = new ArrayList<>();

        index.scan((start, end) -> blocks.add(new int[] {start, end}));

        assertThat(blocks).containsExactly(
                new int[] {0, IncrementalIndex.SCAN_BLOCK},
                new int[] {IncrementalIndex.SCAN_BLOCK, 2 * IncrementalIndex.SCAN_BLOCK},
                new int[] {2 * IncrementalIndex.SCAN_BLOCK, rows});
        assertThat(index.rowCount()).isEqualTo(rows);
    }

    @Test
    void shouldScanNothingInAnEmptyIndex() {
        List<int[]> blocks = new ArrayList<>();

        new IncrementalIndex(minuteSchema(true)).scan((start, end) -> blocks.add(new int[] {start, end}));

        assertThat(blocks).isEmpty();
    }
}
