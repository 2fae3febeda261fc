package dev.tributary.core.aggregation;

import static dev.tributary.core.aggregation.Aggregations.factory;
import static dev.tributary.core.aggregation.Aggregations.finalized;
import static dev.tributary.core.aggregation.Aggregations.intermediate;
import static dev.tributary.core.aggregation.Aggregations.intermediatesBy;
import static dev.tributary.core.aggregation.Aggregations.json;
import static dev.tributary.core.aggregation.Aggregations.result;
import static dev.tributary.core.testing.TestData.dataSchema;
import static dev.tributary.core.testing.TestData.index;
import static dev.tributary.core.testing.TestData.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.column.ColumnType;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.time.DateTimes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first/last family. Expected values were checked against Apache Druid 37 running the same
 * events and queries (SQL-compatible null handling).
 */
class FirstLastAggregatorsTest {
    private static final long T0 = DateTimes.parseIso("2020-01-01T00:00:00Z");
    private static final long T3 = T0 + 3000;
    private static final long T5 = T0 + 5000;

    private static final String METRICS = """
            [{"type": "doubleFirst", "name": "df", "fieldName": "x"},
             {"type": "doubleLast", "name": "dl", "fieldName": "x"},
             {"type": "longFirst", "name": "lf", "fieldName": "x"},
             {"type": "floatLast", "name": "fl", "fieldName": "x"},
             {"type": "stringFirst", "name": "sf", "fieldName": "s"},
             {"type": "stringLast", "name": "sl", "fieldName": "s"}]""";

    /** Page a: four events in one hour row, out of time order; page b: two events at the same instant. */
    private static IncrementalIndex edits() {
        return index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": %s, "granularitySpec": {"queryGranularity": "hour"}}""".formatted(METRICS)),
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"a\", \"x\": 1.1, \"s\": \"one\"}",
                "{\"ts\": \"2020-01-01T00:00:00Z\", \"page\": \"a\", \"s\": \"zero\"}",
                "{\"ts\": \"2020-01-01T00:00:05Z\", \"page\": \"a\", \"x\": 0.1}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"a\", \"x\": 0.2, \"s\": \"three\"}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"b\", \"x\": 0.2, \"s\": \"b3\"}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"b\", \"x\": 0.7, \"s\": \"b3b\"}");
    }

    @Test
    void shouldKeepTheEventWithTheEarliestOrLatestUntruncatedTimeAtIngest() {
        var row = rows(edits(), "df", "dl", "lf", "fl", "sf", "sl").get(0);

        assertThat(row.get("dl")).isEqualTo(new SerializablePair(T5, 0.1));
        assertThat(row.get("fl")).isEqualTo(new SerializablePair(T5, 0.1f));
        assertThat(row.get("sf")).isEqualTo(new SerializablePair(T0, "zero"));
    }

    @Test
    void shouldKeepANullNumberButSkipANullStringAtIngestAsDruidDoes() {
        var row = rows(edits(), "df", "lf", "sl").get(0);

        assertThat(row.get("df")).isEqualTo(new SerializablePair(T0, null));
        assertThat(row.get("lf")).isEqualTo(new SerializablePair(T0, null));
        assertThat(row.get("sl")).isEqualTo(new SerializablePair(T3, "three"));
    }

    @Test
    void shouldKeepTheFirstSeenForFirstAndTakeTheLastSeenForLastOnEqualTimes() {
        var row = rows(edits(), "df", "dl", "sf", "sl").get(1);

        assertThat(row).containsEntry("df", new SerializablePair(T3, 0.2)).containsEntry("dl", new SerializablePair(T3, 0.7))
                .containsEntry("sf", new SerializablePair(T3, "b3")).containsEntry("sl", new SerializablePair(T3, "b3b"));
    }

    @Test
    void shouldReaggregateFirstLastMetricsByThePairsOwnTimesAndFinalizeToTheValueType() {
        IncrementalIndex index = edits();

        assertThat(byPage(index, "{\"type\": \"doubleFirst\", \"name\": \"v\", \"fieldName\": \"df\"}"))
                .containsEntry("a", null).containsEntry("b", 0.2);
        assertThat(byPage(index, "{\"type\": \"doubleLast\", \"name\": \"v\", \"fieldName\": \"dl\"}"))
                .containsEntry("a", 0.1).containsEntry("b", 0.7);
        assertThat(byPage(index, "{\"type\": \"longFirst\", \"name\": \"v\", \"fieldName\": \"lf\"}"))
                .containsEntry("a", null).containsEntry("b", 0L);
        assertThat(byPage(index, "{\"type\": \"floatLast\", \"name\": \"v\", \"fieldName\": \"fl\"}"))
                .containsEntry("a", 0.1f).containsEntry("b", 0.7f);
        assertThat(byPage(index, "{\"type\": \"stringFirst\", \"name\": \"v\", \"fieldName\": \"sf\"}"))
                .containsEntry("a", "zero").containsEntry("b", "b3");
        assertThat(byPage(index, "{\"type\": \"stringLast\", \"name\": \"v\", \"fieldName\": \"sl\"}"))
                .containsEntry("a", "three").containsEntry("b", "b3b");
        // a longFirst over a longLast column still picks by the pairs' times: the one pair per row
        assertThat(byPage(index, "{\"type\": \"longFirst\", \"name\": \"v\", \"fieldName\": \"dl\"}"))
                .containsEntry("b", 0L);
    }

    /** Rows of single events at distinct times, dimensions s (string), x (double), n (long). */
    private static IncrementalIndex rawRows() {
        return index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"},
                 "dimensionsSpec": {"dimensions": ["page", "s", {"type": "double", "name": "x"}, {"type": "long", "name": "n"}]},
                 "granularitySpec": {"rollup": false}}"""),
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"a\", \"x\": 1.5, \"s\": \"one\", \"n\": 1}",
                "{\"ts\": \"2020-01-01T00:00:00Z\", \"page\": \"a\"}",
                "{\"ts\": \"2020-01-01T00:00:05Z\", \"page\": \"a\"}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"a\", \"x\": 7, \"s\": \"three\", \"n\": 3}");
    }

    @Test
    void shouldTakeTheValueOfTheEarliestOrLatestRowAtQueryTimeEvenWhenItIsNull() {
        IncrementalIndex index = rawRows();

        for (String type : new String[] {"stringFirst", "stringLast", "doubleFirst", "doubleLast", "longFirst", "longLast",
            "floatFirst", "floatLast"}) {
            String field = type.startsWith("string") ? "s" : type.startsWith("long") ? "n" : "x";
            AggregatorFactory aggregator = factory("{\"type\": \"" + type + "\", \"name\": \"v\", \"fieldName\": \"" + field + "\"}");
            Object pair = intermediate(aggregator, index);
            assertThat(pair).as(type).isEqualTo(new SerializablePair(type.endsWith("First") ? T0 : T5, null));
            assertThat(finalized(aggregator, pair)).as(type).isNull();
        }
    }

    @Test
    void shouldFinalizeToNullWithDruidsNothingSeenPairOverAMissingColumn() {
        IncrementalIndex index = rawRows();

        Map<String, Long> nothingSeen = Map.of("doubleFirst", Long.MAX_VALUE, "doubleLast", Long.MIN_VALUE,
                "longFirst", Long.MAX_VALUE, "floatLast", Long.MIN_VALUE,
                "stringFirst", Long.MAX_VALUE / 2, "stringLast", Long.MIN_VALUE / 2);
        nothingSeen.forEach((type, time) -> {
            AggregatorFactory aggregator = factory("{\"type\": \"" + type + "\", \"name\": \"v\", \"fieldName\": \"missing\"}");
            assertThat(intermediate(aggregator, index)).as(type).isNull();
            assertThat(aggregator.emptyValue()).as(type).isEqualTo(new SerializablePair(time, null));
            assertThat(result(aggregator, index)).as(type).isNull();
        });
    }

    @Test
    void shouldReadNumbersAsTheirTextForStringFirstAndStringAsNumbersForNumericFirst() {
        IncrementalIndex index = rawRows();

        assertThat(result(factory("{\"type\": \"stringLast\", \"name\": \"v\", \"fieldName\": \"x\"}"), index)).isNull();
        var filtered = factory("""
                {"type": "filtered", "filter": {"type": "selector", "dimension": "s", "value": "three"},
                 "aggregator": {"type": "stringFirst", "name": "v", "fieldName": "x"}}""");
        assertThat(result(filtered, index)).isEqualTo("7.0");
        var longs = factory("""
                {"type": "filtered", "filter": {"type": "selector", "dimension": "s", "value": "one"},
                 "aggregator": {"type": "stringFirst", "name": "v", "fieldName": "n"}}""");
        assertThat(result(longs, index)).isEqualTo("1");
    }

    @Test
    void shouldPrintListsAndNumbersOfEventsAsDruidDoes() {
        IncrementalIndex index = index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page", "tags"]},
                 "metricsSpec": [{"type": "stringLast", "name": "lastTags", "fieldName": "tags"},
                                 {"type": "stringFirst", "name": "firstX", "fieldName": "x"}],
                 "granularitySpec": {"queryGranularity": "hour"}}"""),
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"a\", \"tags\": [\"t2\", \"t1\"], \"x\": 1.5}",
                "{\"ts\": \"2020-01-01T00:00:02Z\", \"page\": \"b\", \"tags\": [], \"x\": 2}");

        assertThat(rows(index, "lastTags", "firstX")).extracting(r -> r.get("lastTags"), r -> r.get("firstX")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new SerializablePair(T0 + 1000, "[t2, t1]"), new SerializablePair(T0 + 1000, "1.5")),
                org.assertj.core.groups.Tuple.tuple(new SerializablePair(T0 + 2000, "[]"), new SerializablePair(T0 + 2000, "2")));
        // at query time a multi-value row reads as its stored values, in dictionary-row order
        assertThat(byPage(index, "{\"type\": \"stringFirst\", \"name\": \"v\", \"fieldName\": \"tags\"}"))
                .containsEntry("a", "[t1, t2]").containsEntry("b", null);
    }

    @Test
    void shouldCutStringsToMaxStringBytesOfUtf8WithoutSplittingACharacter() {
        IncrementalIndex index = index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "stringFirst", "name": "s4", "fieldName": "s", "maxStringBytes": 4},
                                 {"type": "stringFirst", "name": "s3", "fieldName": "s", "maxStringBytes": 3}],
                 "granularitySpec": {"queryGranularity": "hour"}}"""),
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"abc\", \"s\": \"ééééé\"}");

        assertThat(rows(index, "s4", "s3").get(0)).containsEntry("s4", new SerializablePair(T0 + 1000, "éé"))
                .containsEntry("s3", new SerializablePair(T0 + 1000, "é"));
        assertThat(result(factory("{\"type\": \"stringFirst\", \"name\": \"v\", \"fieldName\": \"page\", \"maxStringBytes\": 1}"), index))
                .isEqualTo("a");
        assertThat(result(factory("{\"type\": \"stringFirst\", \"name\": \"v\", \"fieldName\": \"page\"}"), index))
                .isEqualTo("abc");
    }

    @Test
    void shouldTakeTimeFromTimeColumnWhenGiven() {
        IncrementalIndex index = index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "stringFirst", "name": "s", "fieldName": "s", "timeColumn": "seq"},
                                 {"type": "longLast", "name": "l", "fieldName": "v", "timeColumn": "seq"}],
                 "granularitySpec": {"queryGranularity": "hour"}}"""),
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"a\", \"s\": \"early-ts\", \"v\": 1, \"seq\": 9}",
                "{\"ts\": \"2020-01-01T00:00:02Z\", \"page\": \"a\", \"s\": \"late-ts\", \"v\": 2, \"seq\": 4}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"a\", \"s\": \"no-seq\", \"v\": 3}");

        assertThat(rows(index, "s", "l").get(0)).containsEntry("s", new SerializablePair(4, "late-ts"))
                .containsEntry("l", new SerializablePair(9, 1L));
    }

    @Test
    void shouldCombinePartialResultsByTime() {
        AggregatorFactory first = factory("{\"type\": \"longFirst\", \"name\": \"v\", \"fieldName\": \"x\"}");
        AggregatorFactory last = factory("{\"type\": \"longLast\", \"name\": \"v\", \"fieldName\": \"x\"}");
        SerializablePair early = new SerializablePair(1, 10L);
        SerializablePair late = new SerializablePair(2, 20L);
        SerializablePair alsoLate = new SerializablePair(2, 30L);

        assertThat(first.combine(late, early)).isSameAs(early);
        assertThat(first.combine(late, alsoLate)).isSameAs(late);
        assertThat(last.combine(late, early)).isSameAs(late);
        assertThat(last.combine(late, alsoLate)).isSameAs(alsoLate);
        assertThat(last.combine(null, early)).isSameAs(early);
        assertThat(last.combine(last.emptyValue(), early)).isSameAs(early);
        assertThat(first.combine(early, first.emptyValue())).isSameAs(early);
    }

    @Test
    void shouldWriteIntermediatesAsLhsRhsAndReadThemBackInTheValueType() {
        AggregatorFactory longFirst = factory("{\"type\": \"longFirst\", \"name\": \"v\", \"fieldName\": \"x\"}");
        AggregatorFactory floatLast = factory("{\"type\": \"floatLast\", \"name\": \"v\", \"fieldName\": \"x\"}");

        assertThat(json(new SerializablePair(T0, 5L))).isEqualTo("{\"lhs\":1577836800000,\"rhs\":5}");
        assertThat(json(longFirst.emptyValue())).isEqualTo("{\"lhs\":9223372036854775807,\"rhs\":null}");
        assertThat(longFirst.deserialize(Map.of("lhs", 1577836800000L, "rhs", 5))).isEqualTo(new SerializablePair(T0, 5L));
        assertThat(floatLast.deserialize(Map.of("lhs", 7, "rhs", 0.5))).isEqualTo(new SerializablePair(7, 0.5f));
        assertThat(json(finalized(floatLast, new SerializablePair(7, 0.1f)))).isEqualTo("0.1");
    }

    @Test
    void shouldDescribeTypesAsDruidNamesThem() {
        AggregatorFactory stringLast = factory("{\"type\": \"stringLast\", \"name\": \"v\", \"fieldName\": \"x\"}");
        AggregatorFactory doubleFirst = factory("{\"type\": \"doubleFirst\", \"name\": \"v\", \"fieldName\": \"x\"}");

        assertThat(stringLast.intermediateType()).isEqualTo(ColumnType.COMPLEX);
        assertThat(stringLast.complexTypeName()).isEqualTo("serializablePairLongString");
        assertThat(stringLast.finalType()).isEqualTo(ColumnType.STRING);
        assertThat(doubleFirst.complexTypeName()).isEqualTo("serializablePairLongDouble");
        assertThat(doubleFirst.finalType()).isEqualTo(ColumnType.DOUBLE);
        assertThat(stringLast.combining()).isEqualTo(factory("{\"type\": \"stringLast\", \"name\": \"v\", \"fieldName\": \"v\"}"));
        assertThat(json(stringLast)).isEqualTo(
                "{\"type\":\"stringLast\",\"name\":\"v\",\"fieldName\":\"x\",\"timeColumn\":\"__time\",\"maxStringBytes\":1024}");
        assertThat(factory(json(doubleFirst))).isEqualTo(doubleFirst);
    }

    @Test
    void shouldOrderPairsByValueWithNullsFirst() {
        var comparator = factory("{\"type\": \"doubleLast\", \"name\": \"v\", \"fieldName\": \"x\"}").comparator();

        assertThat(comparator.compare(new SerializablePair(9, null), new SerializablePair(1, -5.0))).isNegative();
        assertThat(comparator.compare(new SerializablePair(1, 2.0), new SerializablePair(9, 1.0))).isPositive();
    }

    private static Map<String, Object> byPage(IncrementalIndex index, String aggregatorJson) {
        AggregatorFactory aggregator = factory(aggregatorJson);
        Map<String, Object> values = intermediatesBy(aggregator, index, "page");
        values.replaceAll((page, value) -> finalized(aggregator, value));
        return values;
    }
}
