package dev.tributary.core.aggregation.hyperloglog;

import static dev.tributary.core.aggregation.Aggregations.factory;
import static dev.tributary.core.aggregation.Aggregations.finalized;
import static dev.tributary.core.aggregation.Aggregations.intermediate;
import static dev.tributary.core.aggregation.Aggregations.json;
import static dev.tributary.core.aggregation.Aggregations.result;
import static dev.tributary.core.testing.TestData.dataSchema;
import static dev.tributary.core.testing.TestData.index;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.Json;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.query.InvalidQueryException;
import dev.tributary.core.query.postagg.PostAggregator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code hyperUnique}, {@code cardinality} and {@code hyperUniqueCardinality}. The expected base64
 * collectors are what Druid 37 returned for the same events and queries with {@code finalize: false}.
 */
class HyperUniqueAggregatorsTest {
    /** hyperUnique of "s" per hour and page: page a holds zero, one, three (and a null); page b b3, b3b. */
    private static IncrementalIndex users() {
        return index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "hyperUnique", "name": "users", "fieldName": "s"}],
                 "granularitySpec": {"queryGranularity": "hour"}}"""),
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"a\", \"s\": \"one\"}",
                "{\"ts\": \"2020-01-01T00:00:00Z\", \"page\": \"a\", \"s\": \"zero\"}",
                "{\"ts\": \"2020-01-01T00:00:05Z\", \"page\": \"a\"}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"a\", \"s\": \"three\"}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"b\", \"s\": \"b3\"}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"b\", \"s\": \"b3b\"}");
    }

    @Test
    void shouldMergeIngestedCollectorsIntoDruidsExactCollectorAndEstimate() {
        AggregatorFactory hyperUnique = factory("{\"type\": \"hyperUnique\", \"name\": \"u\", \"fieldName\": \"users\"}");

        Object collector = intermediate(hyperUnique, users());

        assertThat(json(collector)).isEqualTo("\"AQAABQAAAACuEAGTAQL5AgN3EAN6AQ==\"");
        assertThat(finalized(hyperUnique, collector)).isEqualTo(5.006113467958146);
    }

    @Test
    void shouldRoundToALongWhenAsked() {
        AggregatorFactory rounded = factory("{\"type\": \"hyperUnique\", \"name\": \"u\", \"fieldName\": \"users\", \"round\": true}");

        assertThat(result(rounded, users())).isEqualTo(5L);
        assertThat(rounded.finalType()).isEqualTo(ColumnType.LONG);
    }

    @Test
    void shouldEstimateZeroOverNoRowsOrAMissingColumn() {
        AggregatorFactory hyperUnique = factory("{\"type\": \"hyperUnique\", \"name\": \"u\", \"fieldName\": \"missing\"}");

        assertThat(result(hyperUnique, users())).isEqualTo(0.0);
        assertThat(json(hyperUnique.emptyValue())).isEqualTo("\"AQAAAAAAAA==\"");
        assertThat(finalized(factory("{\"type\": \"hyperUnique\", \"name\": \"u\", \"fieldName\": \"x\", \"round\": true}"), null))
                .isEqualTo(0L);
    }

    @Test
    void shouldRefuseToReadAColumnThatHoldsNoCollectorsAsDruidDoes() {
        AggregatorFactory overDimension = factory("{\"type\": \"hyperUnique\", \"name\": \"u\", \"fieldName\": \"page\"}");

        assertThatThrownBy(() -> overDimension.newGroupAggregator(users()))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("Using aggregator [hyperUnique] is not supported for complex columns with type [STRING].");
    }

    @Test
    void shouldFoldSerializedCollectorsWhenTheInputIsHyperUnique() {
        IncrementalIndex index = index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "hyperUnique", "name": "users", "fieldName": "hll", "isInputHyperUnique": true}],
                 "granularitySpec": {"queryGranularity": "hour"}}"""),
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"a\", \"hll\": \"AQAABQAAAACuEAGTAQL5AgN3EAN6AQ==\"}",
                "{\"ts\": \"2020-01-01T00:00:02Z\", \"page\": \"a\", \"hll\": \"AQAAAAAAAA==\"}");

        assertThat(result(factory("{\"type\": \"hyperUnique\", \"name\": \"u\", \"fieldName\": \"users\"}"), index))
                .isEqualTo(5.006113467958146);
    }

    @Test
    void shouldCombineWithoutChangingEitherSideAndReadCollectorsBackFromBase64() {
        AggregatorFactory hyperUnique = factory("{\"type\": \"hyperUnique\", \"name\": \"u\", \"fieldName\": \"users\"}");
        Object left = hyperUnique.deserialize("AQAAAgAAAAHFAQP/IA==");
        Object right = hyperUnique.deserialize("AQAAAgAAAAHLEAJ2AQ==");

        Object both = hyperUnique.combine(left, right);

        assertThat(finalized(hyperUnique, both)).isEqualTo(4.003911343725148);
        assertThat(json(left)).isEqualTo("\"AQAAAgAAAAHFAQP/IA==\"");
        assertThat(hyperUnique.combine(null, right)).isSameAs(right);
        assertThat(hyperUnique.combining()).isEqualTo(new HyperUniquesAggregatorFactory("u", "u"));
    }

    /** Dimensions of every type; the third row holds only a multi-value "tags". */
    private static IncrementalIndex typedDimensions() {
        return index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"},
                 "dimensionsSpec": {"dimensions": ["s", "tags", {"type": "long", "name": "l"},
                                                   {"type": "double", "name": "d"}, {"type": "float", "name": "f"}]},
                 "granularitySpec": {"rollup": false}}"""),
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"s\": \"héllo\", \"tags\": [\"b\", \"a\"], \"l\": 5, \"d\": 1.5, \"f\": 2.25}",
                "{\"ts\": \"2020-01-01T00:00:02Z\", \"s\": \"x\", \"tags\": [\"c\"], \"l\": -7, \"d\": -0.0, \"f\": 3.5}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"tags\": [\"z\", \"y\", \"x\"]}");
    }

    @Test
    void shouldHashEachColumnTypeByValueAsDruidsCardinalityDoes() {
        IncrementalIndex index = typedDimensions();
        Map<String, String> druid = Map.of(
                "s", "AQAAAgAAAAHFAQP/IA==",
                "tags", "AQAABgAAAABgEACqEADKEAIaAgPHAgP/IA==",
                "l", "AQAAAgAAAAEHEAKzQA==",
                "d", "AQAAAgAAAANMAQNUEA==",
                "f", "AQAAAgAAAAHLEAJ2AQ==");

        druid.forEach((field, expected) -> assertThat(json(intermediate(
                factory("{\"type\": \"cardinality\", \"name\": \"c\", \"fields\": [\"" + field + "\"]}"), index)))
                .as(field).isEqualTo("\"" + expected + "\""));
    }

    @Test
    void shouldHashWholeRowsByRowCountingARowOfNullsAsDruidDoes() {
        IncrementalIndex index = typedDimensions();
        Map<String, String> druid = Map.of(
                "\"s\"", "AQAAAkAAAAHFAQP/IA==",
                "\"tags\"", "AQAAAwAAAAArMAPHAgPqEA==",
                "\"l\"", "AQAAAkAAAAEHEAKzQA==",
                "\"s\", \"l\", \"tags\", \"d\", \"f\"", "AQAAAwAAAAEIIALvEANtIA==");

        druid.forEach((fields, expected) -> assertThat(json(intermediate(
                factory("{\"type\": \"cardinality\", \"name\": \"c\", \"fields\": [" + fields + "], \"byRow\": true}"), index)))
                .as(fields).isEqualTo("\"" + expected + "\""));
    }

    @Test
    void shouldFinalizeCardinalityToAnEstimateOrARoundedLong() {
        IncrementalIndex index = typedDimensions();

        assertThat(result(factory("{\"type\": \"cardinality\", \"name\": \"c\", \"fields\": [\"tags\"]}"), index))
                .isEqualTo(6.008806266444944);
        assertThat(result(factory("{\"type\": \"cardinality\", \"name\": \"c\", \"fields\": [\"tags\"], \"round\": true}"), index))
                .isEqualTo(6L);
        assertThat(result(factory("{\"type\": \"cardinality\", \"name\": \"c\", \"fields\": [\"nothing\"]}"), index))
                .isEqualTo(0.0);
    }

    @Test
    void shouldAcceptDefaultDimensionSpecsAsFields() {
        AggregatorFactory cardinality = factory("""
                {"type": "cardinality", "name": "c",
                 "fields": [{"type": "default", "dimension": "s", "outputName": "s2"}, "l"]}""");

        assertThat(((CardinalityAggregatorFactory) cardinality).dimensions()).containsExactly("s", "l");
        assertThat(cardinality.combining()).isEqualTo(new HyperUniquesAggregatorFactory("c", "c"));
        assertThat(factory(json(cardinality))).isEqualTo(cardinality);
    }

    @Test
    void shouldFinalizeACollectorByItsAggregatorInHyperUniqueCardinality() throws Exception {
        PostAggregator post = Json.mapper().readValue(
                "{\"type\": \"hyperUniqueCardinality\", \"name\": \"p\", \"fieldName\": \"u\"}", PostAggregator.class);
        Map<String, Object> values = new HashMap<>();
        values.put("u", HyperLogLogCollector.fromBase64("AQAABQAAAACuEAGTAQL5AgN3EAN6AQ=="));

        assertThat(post.compute(values, Map.of())).isEqualTo(5.006113467958146);
        assertThat(post.compute(values, Map.of("u", new HyperUniquesAggregatorFactory("u", "x", false, true)))).isEqualTo(5L);
        assertThat(post.dependentFields()).containsExactly("u");
    }
}
