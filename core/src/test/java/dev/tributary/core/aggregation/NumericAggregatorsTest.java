package dev.tributary.core.aggregation;

import static dev.tributary.core.aggregation.Aggregations.factory;
import static dev.tributary.core.aggregation.Aggregations.finalized;
import static dev.tributary.core.aggregation.Aggregations.intermediatesBy;
import static dev.tributary.core.aggregation.Aggregations.json;
import static dev.tributary.core.aggregation.Aggregations.result;
import static dev.tributary.core.testing.TestData.dataSchema;
import static dev.tributary.core.testing.TestData.index;
import static dev.tributary.core.testing.TestData.row;
import static dev.tributary.core.testing.TestData.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.column.ColumnType;
import dev.tributary.core.index.IncrementalIndex;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** count, the sums, mins and maxes: Druid's number types and SQL-compatible nulls. */
class NumericAggregatorsTest {
    private static final String METRICS = """
            [{"type": "count", "name": "count"},
             {"type": "longSum", "name": "longSum", "fieldName": "x"},
             {"type": "doubleSum", "name": "doubleSum", "fieldName": "x"},
             {"type": "floatSum", "name": "floatSum", "fieldName": "x"},
             {"type": "longMin", "name": "longMin", "fieldName": "x"},
             {"type": "longMax", "name": "longMax", "fieldName": "x"},
             {"type": "doubleMin", "name": "doubleMin", "fieldName": "x"},
             {"type": "doubleMax", "name": "doubleMax", "fieldName": "x"},
             {"type": "floatMin", "name": "floatMin", "fieldName": "x"},
             {"type": "floatMax", "name": "floatMax", "fieldName": "x"}]""";

    /** Page a: x = 1.1, 0.1, 0.2 in one hour row; page b: x absent or null in every event. */
    private static IncrementalIndex edits() {
        return index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": %s, "granularitySpec": {"queryGranularity": "hour"}}""".formatted(METRICS)),
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"a\", \"x\": 1.1}",
                "{\"ts\": \"2020-01-01T00:00:05Z\", \"page\": \"a\", \"x\": 0.1}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"a\", \"x\": 0.2}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"b\"}",
                "{\"ts\": \"2020-01-01T00:00:04Z\", \"page\": \"b\", \"x\": null}");
    }

    @Test
    void shouldRollUpEventsIntoDruidTypedMetricsWithNullWhenEveryInputWasNull() {
        IncrementalIndex index = edits();

        assertThat(rows(index, "count", "longSum", "doubleSum", "floatSum", "longMin", "longMax", "doubleMin",
                "doubleMax", "floatMin", "floatMax")).containsExactly(
                row("__time", "2020-01-01T00:00:00.000Z", "count", 3L, "longSum", 1L, "doubleSum", 1.4000000000000001,
                        "floatSum", 1.4000001f, "longMin", 0L, "longMax", 1L, "doubleMin", 0.1, "doubleMax", 1.1,
                        "floatMin", 0.1f, "floatMax", 1.1f),
                row("__time", "2020-01-01T00:00:00.000Z", "count", 2L, "longSum", null, "doubleSum", null,
                        "floatSum", null, "longMin", null, "longMax", null, "doubleMin", null, "doubleMax", null,
                        "floatMin", null, "floatMax", null));
    }

    @Test
    void shouldReaggregateRolledUpMetricsAtQueryTimeInTheirJavaTypes() {
        IncrementalIndex index = edits();

        assertThat(byPage(index, "{\"type\": \"longSum\", \"name\": \"n\", \"fieldName\": \"count\"}"))
                .containsExactly(Map.entry("a", 3L), Map.entry("b", 2L));
        assertThat(byPage(index, "{\"type\": \"longSum\", \"name\": \"n\", \"fieldName\": \"longSum\"}"))
                .containsEntry("a", 1L).containsEntry("b", null);
        assertThat(byPage(index, "{\"type\": \"doubleMax\", \"name\": \"n\", \"fieldName\": \"doubleMax\"}"))
                .containsEntry("a", 1.1).containsEntry("b", null);
        assertThat(byPage(index, "{\"type\": \"floatMin\", \"name\": \"n\", \"fieldName\": \"floatMin\"}"))
                .containsEntry("a", 0.1f).containsEntry("b", null);
        assertThat(byPage(index, "{\"type\": \"longMax\", \"name\": \"n\", \"fieldName\": \"doubleMax\"}"))
                .containsEntry("a", 1L);
    }

    @Test
    void shouldSumFloatsInFloatPrecisionAtQueryTimeAsDruidDoes() {
        IncrementalIndex index = index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "doubleSum", "name": "x", "fieldName": "x"}],
                 "granularitySpec": {"rollup": false}}"""),
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"a\", \"x\": 1.1}",
                "{\"ts\": \"2020-01-01T00:00:02Z\", \"page\": \"a\", \"x\": 0.1}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"a\", \"x\": 0.2}");

        Object floatSum = result(factory("{\"type\": \"floatSum\", \"name\": \"s\", \"fieldName\": \"x\"}"), index);
        Object doubleSum = result(factory("{\"type\": \"doubleSum\", \"name\": \"s\", \"fieldName\": \"x\"}"), index);

        assertThat(floatSum).isEqualTo(1.4000001f);
        assertThat(json(floatSum)).isEqualTo("1.4000001");
        assertThat(doubleSum).isEqualTo(1.4000000000000001);
    }

    @Test
    void shouldGiveNullForSumsMinsAndMaxesButZeroForCountOverNoRows() {
        IncrementalIndex index = edits();
        for (String type : new String[] {"longSum", "doubleSum", "floatSum", "longMin", "longMax", "doubleMin",
            "doubleMax", "floatMin", "floatMax"}) {
            AggregatorFactory aggregator = factory("{\"type\": \"" + type + "\", \"name\": \"n\", \"fieldName\": \"missing\"}");
            assertThat(result(aggregator, index)).as(type).isNull();
        }
        assertThat(finalized(factory("{\"type\": \"count\", \"name\": \"n\"}"), null)).isEqualTo(0L);
    }

    @Test
    void shouldWriteLongsAsJsonIntegersAndDoublesAndFloatsWithADecimalPoint() {
        IncrementalIndex index = edits();

        assertThat(json(result(factory("{\"type\": \"longSum\", \"name\": \"n\", \"fieldName\": \"count\"}"), index)))
                .isEqualTo("5");
        assertThat(json(result(factory("{\"type\": \"doubleSum\", \"name\": \"n\", \"fieldName\": \"count\"}"), index)))
                .isEqualTo("5.0");
        assertThat(json(result(factory("{\"type\": \"floatSum\", \"name\": \"n\", \"fieldName\": \"count\"}"), index)))
                .isEqualTo("5.0");
    }

    @Test
    void shouldCombinePartialResultsTreatingNullAsNothingAggregated() {
        assertThat(factory("{\"type\": \"longSum\", \"name\": \"n\", \"fieldName\": \"x\"}").combine(2L, 3L)).isEqualTo(5L);
        assertThat(factory("{\"type\": \"longMin\", \"name\": \"n\", \"fieldName\": \"x\"}").combine(null, 3L)).isEqualTo(3L);
        assertThat(factory("{\"type\": \"doubleMax\", \"name\": \"n\", \"fieldName\": \"x\"}").combine(2.5, null)).isEqualTo(2.5);
        assertThat(factory("{\"type\": \"floatSum\", \"name\": \"n\", \"fieldName\": \"x\"}").combine(1.1f, 0.3f))
                .isEqualTo(1.1f + 0.3f);
        assertThat(factory("{\"type\": \"floatMax\", \"name\": \"n\", \"fieldName\": \"x\"}").combine(null, null)).isNull();
    }

    @Test
    void shouldReadBackJsonNumbersAsTheIntermediateType() {
        assertThat(factory("{\"type\": \"longMax\", \"name\": \"n\", \"fieldName\": \"x\"}").deserialize(7)).isEqualTo(7L);
        assertThat(factory("{\"type\": \"count\", \"name\": \"n\"}").deserialize(7)).isEqualTo(7L);
        assertThat(factory("{\"type\": \"doubleMin\", \"name\": \"n\", \"fieldName\": \"x\"}").deserialize(7)).isEqualTo(7.0);
        assertThat(factory("{\"type\": \"floatMin\", \"name\": \"n\", \"fieldName\": \"x\"}").deserialize(0.5)).isEqualTo(0.5f);
        assertThat(factory("{\"type\": \"longSum\", \"name\": \"n\", \"fieldName\": \"x\"}").deserialize(null)).isNull();
    }

    @Test
    void shouldCombineAMetricThroughAFactoryReadingTheMetricByName() {
        AggregatorFactory floatMax = factory("{\"type\": \"floatMax\", \"name\": \"m\", \"fieldName\": \"x\"}");

        assertThat(floatMax.combining()).isEqualTo(factory("{\"type\": \"floatMax\", \"name\": \"m\", \"fieldName\": \"m\"}"));
        assertThat(floatMax.intermediateType()).isEqualTo(ColumnType.FLOAT);
        assertThat(factory("{\"type\": \"longMin\", \"name\": \"m\", \"fieldName\": \"x\"}").finalType()).isEqualTo(ColumnType.LONG);
    }

    @Test
    void shouldOrderValuesWithNullsFirst() {
        var comparator = factory("{\"type\": \"doubleSum\", \"name\": \"n\", \"fieldName\": \"x\"}").comparator();

        assertThat(comparator.compare(null, 1.0)).isNegative();
        assertThat(comparator.compare(2.0, 1.0)).isPositive();
    }

    @Test
    void shouldWriteAggregatorsBackAsDruidJson() {
        assertThat(json(factory("{\"type\": \"floatSum\", \"name\": \"n\", \"fieldName\": \"x\"}")))
                .isEqualTo("{\"type\":\"floatSum\",\"name\":\"n\",\"fieldName\":\"x\"}");
    }

    private static Map<String, Object> byPage(IncrementalIndex index, String aggregatorJson) {
        AggregatorFactory aggregator = factory(aggregatorJson);
        Map<String, Object> values = intermediatesBy(aggregator, index, "page");
        values.replaceAll((page, value) -> finalized(aggregator, value));
        return values;
    }
}
