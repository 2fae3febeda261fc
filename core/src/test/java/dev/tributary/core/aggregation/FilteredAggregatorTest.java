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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.spec.InvalidSpecException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code filtered}: an aggregator over the rows, or at ingest the events, its filter matches. */
class FilteredAggregatorTest {
    private static final String FILTERED_METRICS = """
            [{"type": "count", "name": "count"},
             {"type": "filtered", "filter": {"type": "selector", "dimension": "page", "value": "a"},
              "aggregator": {"type": "count", "name": "aCount"}},
             {"type": "filtered", "filter": {"type": "selector", "dimension": "tag", "value": "x"},
              "aggregator": {"type": "longSum", "name": "ignored", "fieldName": "v"}, "name": "xSum"}]""";

    private static IncrementalIndex edits() {
        return index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": %s, "granularitySpec": {"queryGranularity": "hour"}}""".formatted(FILTERED_METRICS)),
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"a\", \"tag\": \"x\", \"v\": 1}",
                "{\"ts\": \"2020-01-01T00:00:02Z\", \"page\": \"a\", \"tag\": \"y\", \"v\": 10}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"a\", \"tag\": [\"y\", \"x\"], \"v\": 100}",
                "{\"ts\": \"2020-01-01T00:00:04Z\", \"page\": \"b\", \"tag\": \"y\", \"v\": 1000}");
    }

    @Test
    void shouldFoldOnlyMatchingEventsAtIngestWithACountOfZeroAndASumOfNullWhenNoneMatch() {
        assertThat(rows(edits(), "count", "aCount", "xSum")).containsExactly(
                row("__time", "2020-01-01T00:00:00.000Z", "count", 3L, "aCount", 3L, "xSum", 101L),
                row("__time", "2020-01-01T00:00:00.000Z", "count", 1L, "aCount", 0L, "xSum", null));
    }

    @Test
    void shouldFoldOnlyMatchingRowsAtQueryTime() {
        IncrementalIndex index = edits();
        AggregatorFactory bCount = factory("""
                {"type": "filtered", "filter": {"type": "selector", "dimension": "page", "value": "b"},
                 "aggregator": {"type": "longSum", "name": "events", "fieldName": "count"}}""");
        AggregatorFactory noneCount = factory("""
                {"type": "filtered", "filter": {"type": "selector", "dimension": "page", "value": "zz"},
                 "aggregator": {"type": "count", "name": "rows"}}""");
        AggregatorFactory noneSum = factory("""
                {"type": "filtered", "filter": {"type": "selector", "dimension": "page", "value": "zz"},
                 "aggregator": {"type": "doubleSum", "name": "s", "fieldName": "count"}}""");

        assertThat(result(bCount, index)).isEqualTo(1L);
        assertThat(result(noneCount, index)).isEqualTo(0L);
        assertThat(result(noneSum, index)).isNull();
        Map<String, Object> byPage = intermediatesBy(bCount, index, "page");
        assertThat(byPage).containsEntry("a", null).containsEntry("b", 1L);
    }

    @Test
    void shouldTakeTheAggregatorsNameUnlessGivenOneThatRenamesTheAggregator() {
        AggregatorFactory unnamed = factory("""
                {"type": "filtered", "filter": {"type": "selector", "dimension": "page", "value": "a"},
                 "aggregator": {"type": "longSum", "name": "inner", "fieldName": "v"}}""");
        AggregatorFactory named = factory("""
                {"type": "filtered", "filter": {"type": "selector", "dimension": "page", "value": "a"},
                 "aggregator": {"type": "longSum", "name": "inner", "fieldName": "v"}, "name": "outer"}""");

        assertThat(unnamed.name()).isEqualTo("inner");
        assertThat(named.name()).isEqualTo("outer");
        assertThat(((FilteredAggregatorFactory) named).aggregator()).isEqualTo(new LongSumAggregatorFactory("outer", "v"));
        assertThat(named.combining()).isEqualTo(new LongSumAggregatorFactory("outer", "outer"));
        assertThat(named.requiredFields()).containsExactly("v", "page");
    }

    @Test
    void shouldBehaveAsItsAggregatorForTypesCombiningAndFinalizing() {
        AggregatorFactory filteredSketch = factory("""
                {"type": "filtered", "filter": {"type": "selector", "dimension": "page", "value": "a"},
                 "aggregator": {"type": "thetaSketch", "name": "users", "fieldName": "user"}}""");

        assertThat(filteredSketch.complexTypeName()).isEqualTo("thetaSketch");
        assertThat(finalized(filteredSketch, null)).isEqualTo(0.0);
        assertThat(filteredSketch.combine(null, 3L)).isEqualTo(3L);
    }

    @Test
    void shouldRoundTripThroughDruidJson() {
        AggregatorFactory named = factory("""
                {"type": "filtered", "filter": {"type": "selector", "dimension": "page", "value": "a"},
                 "aggregator": {"type": "longSum", "name": "inner", "fieldName": "v"}, "name": "outer"}""");

        assertThat(factory(json(named))).isEqualTo(named);
    }

    @Test
    void shouldRejectAFilteredAggregatorWithoutAFilter() {
        String spec = """
                {"dataSource": "t", "timestampSpec": {"column": "ts"},
                 "metricsSpec": [{"type": "filtered", "aggregator": {"type": "count", "name": "c"}}]}""";

        assertThatThrownBy(() -> dataSchema(spec)).isInstanceOf(InvalidSpecException.class).hasMessageContaining("filter");
    }
}
