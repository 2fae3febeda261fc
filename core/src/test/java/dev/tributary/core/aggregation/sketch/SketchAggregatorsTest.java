package dev.tributary.core.aggregation.sketch;

import static dev.tributary.core.aggregation.Aggregations.factory;
import static dev.tributary.core.aggregation.Aggregations.finalized;
import static dev.tributary.core.aggregation.Aggregations.intermediate;
import static dev.tributary.core.aggregation.Aggregations.json;
import static dev.tributary.core.aggregation.Aggregations.result;
import static dev.tributary.core.testing.TestData.dataSchema;
import static dev.tributary.core.testing.TestData.index;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.spec.InvalidSpecException;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.quantiles.DoublesSketch;
import org.apache.datasketches.theta.Sketch;
import org.junit.jupiter.api.Test;

/** The DataSketches aggregators: HLLSketchBuild/Merge, thetaSketch, quantilesDoublesSketch. */
class SketchAggregatorsTest {
    private static final String METRICS = """
            [{"type": "count", "name": "count"},
             {"type": "HLLSketchBuild", "name": "hll", "fieldName": "user"},
             {"type": "HLLSketchBuild", "name": "hll8", "fieldName": "user", "lgK": 10, "tgtHllType": "HLL_8",
              "stringEncoding": "utf8"},
             {"type": "thetaSketch", "name": "theta", "fieldName": "user"},
             {"type": "quantilesDoublesSketch", "name": "quantiles", "fieldName": "delta"}]""";

    /** Four users over five events in two pages; one event has no user and no delta. */
    private static IncrementalIndex edits() {
        return index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"},
                 "dimensionsSpec": {"dimensions": ["page", "user", "tags", {"type": "long", "name": "year"}]},
                 "metricsSpec": %s, "granularitySpec": {"queryGranularity": "hour"}}""".formatted(METRICS)),
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"a\", \"user\": \"nuclear\", \"delta\": -143, \"tags\": [\"t1\", \"t2\"], \"year\": 2013}",
                "{\"ts\": \"2020-01-01T00:00:02Z\", \"page\": \"a\", \"user\": \"speed\", \"delta\": 330, \"tags\": \"t2\", \"year\": 2014}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"b\", \"user\": \"masterYi\", \"delta\": 111, \"year\": 2013}",
                "{\"ts\": \"2020-01-01T00:00:04Z\", \"page\": \"b\", \"user\": \"nuclear\", \"delta\": 900}",
                "{\"ts\": \"2020-01-01T00:00:05Z\", \"page\": \"c\", \"user\": \"stringer\", \"delta\": -9}",
                "{\"ts\": \"2020-01-01T00:00:06Z\", \"page\": \"c\"}");
    }

    @Test
    void shouldMergeIngestedHllSketchesToARoundedLongOrAnEstimateDouble() {
        IncrementalIndex index = edits();

        assertThat(result(factory("""
                {"type": "HLLSketchMerge", "name": "u", "fieldName": "hll", "lgK": 12, "tgtHllType": "HLL_4", "round": true}"""),
                index)).isEqualTo(4L);
        Object estimate = result(factory("{\"type\": \"HLLSketchMerge\", \"name\": \"u\", \"fieldName\": \"hll8\"}"), index);
        assertThat(estimate).isInstanceOf(Double.class);
        assertThat((Double) estimate).isCloseTo(4.0, within(1e-6));
    }

    @Test
    void shouldBuildTheSameHllSketchAtQueryTimeFromTheDimensionAsAtIngest() {
        IncrementalIndex index = edits();
        HllSketch merged = (HllSketch) intermediate(factory("{\"type\": \"HLLSketchMerge\", \"name\": \"u\", \"fieldName\": \"hll\"}"), index);
        HllSketch built = (HllSketch) intermediate(factory("{\"type\": \"HLLSketchBuild\", \"name\": \"u\", \"fieldName\": \"user\"}"), index);

        assertThat(built.getEstimate()).isEqualTo(merged.getEstimate());
        assertThat(json(built)).isEqualTo(json(merged));
    }

    @Test
    void shouldHashStringsAsUtf16CharsByDefaultAndAsUtf8BytesWhenAsked() {
        IncrementalIndex index = edits();
        Object utf16 = intermediate(factory("{\"type\": \"HLLSketchBuild\", \"name\": \"u\", \"fieldName\": \"user\", \"lgK\": 10}"), index);
        Object utf8 = intermediate(factory("""
                {"type": "HLLSketchBuild", "name": "u", "fieldName": "user", "lgK": 10, "stringEncoding": "utf8"}"""), index);
        HllSketch expected16 = new HllSketch(10);
        HllSketch expected8 = new HllSketch(10);
        for (String user : new String[] {"nuclear", "speed", "masterYi", "stringer"}) {
            expected16.update(user.toCharArray());
            expected8.update(user.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        assertThat(json(utf16)).isEqualTo(json(expected16));
        assertThat(json(utf8)).isEqualTo(json(expected8)).isNotEqualTo(json(utf16));
    }

    @Test
    void shouldSketchNumbersAndEveryValueOfAMultiValueRow() {
        IncrementalIndex index = edits();

        assertThat((Double) result(factory("{\"type\": \"HLLSketchBuild\", \"name\": \"y\", \"fieldName\": \"year\"}"), index))
                .isCloseTo(2.0, within(1e-6));
        assertThat(result(factory("{\"type\": \"thetaSketch\", \"name\": \"y\", \"fieldName\": \"tags\"}"), index)).isEqualTo(2.0);
        assertThat(result(factory("{\"type\": \"thetaSketch\", \"name\": \"y\", \"fieldName\": \"year\"}"), index)).isEqualTo(2.0);
    }

    @Test
    void shouldGiveTheSketchItselfWhenNotFinalizingAndReadItBackFromJson() {
        IncrementalIndex index = edits();
        AggregatorFactory hll = factory("{\"type\": \"HLLSketchMerge\", \"name\": \"u\", \"fieldName\": \"hll\", \"shouldFinalize\": false}");
        AggregatorFactory theta = factory("{\"type\": \"thetaSketch\", \"name\": \"u\", \"fieldName\": \"theta\", \"shouldFinalize\": false}");
        AggregatorFactory quantiles = factory("""
                {"type": "quantilesDoublesSketch", "name": "u", "fieldName": "quantiles", "shouldFinalize": false}""");

        Object hllSketch = result(hll, index);
        Object thetaSketch = result(theta, index);
        Object quantilesSketch = result(quantiles, index);

        assertThat(hllSketch).isInstanceOf(HllSketch.class);
        assertThat(hll.finalType()).isEqualTo(ColumnType.COMPLEX);
        assertThat(((HllSketch) hll.deserialize(jsonText(hllSketch))).getEstimate()).isEqualTo(((HllSketch) hllSketch).getEstimate());
        assertThat(((Sketch) theta.deserialize(jsonText(thetaSketch))).getEstimate()).isEqualTo(4.0);
        assertThat(((DoublesSketch) quantiles.deserialize(jsonText(quantilesSketch))).getN()).isEqualTo(5L);
    }

    private static String jsonText(Object sketch) {
        String json = json(sketch);
        assertThat(json).startsWith("\"").endsWith("\"");
        return json.substring(1, json.length() - 1);
    }

    @Test
    void shouldEstimateDistinctValuesWithThetaAsADoubleOrWithErrorBounds() {
        IncrementalIndex index = edits();

        assertThat(result(factory("""
                {"type": "thetaSketch", "name": "u", "fieldName": "theta", "size": 16384, "shouldFinalize": true,
                 "isInputThetaSketch": false, "errorBoundsStdDev": null}"""), index)).isEqualTo(4.0);
        assertThat(json(result(factory("{\"type\": \"thetaSketch\", \"name\": \"u\", \"fieldName\": \"user\", \"errorBoundsStdDev\": 2}"), index)))
                .isEqualTo("{\"estimate\":4.0,\"highBound\":4.0,\"lowBound\":4.0,\"numStdDev\":2}");
    }

    @Test
    void shouldMergeSerializedThetaSketchesWhenTheInputIsAThetaSketch() {
        String serialized = jsonText(intermediate(factory("{\"type\": \"thetaSketch\", \"name\": \"u\", \"fieldName\": \"user\"}"), edits()));
        IncrementalIndex index = index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "thetaSketch", "name": "users", "fieldName": "sketch", "isInputThetaSketch": true}]}"""),
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"a\", \"sketch\": \"" + serialized + "\"}",
                "{\"ts\": \"2020-01-01T00:00:02Z\", \"page\": \"b\", \"sketch\": \"not a sketch\"}");

        assertThat(result(factory("{\"type\": \"thetaSketch\", \"name\": \"u\", \"fieldName\": \"users\"}"), index)).isEqualTo(4.0);
    }

    @Test
    void shouldFinalizeAQuantilesSketchToTheCountOfItsValuesAsALong() {
        IncrementalIndex index = edits();
        AggregatorFactory merge = factory("{\"type\": \"quantilesDoublesSketch\", \"name\": \"q\", \"fieldName\": \"quantiles\", \"k\": 128}");
        AggregatorFactory build = factory("{\"type\": \"quantilesDoublesSketch\", \"name\": \"q\", \"fieldName\": \"year\"}");

        assertThat(result(merge, index)).isEqualTo(5L);
        assertThat(json(result(merge, index))).isEqualTo("5");
        assertThat(result(build, index)).isEqualTo(3L);
        DoublesSketch sketch = (DoublesSketch) intermediate(merge, index);
        assertThat(sketch.getMinItem()).isEqualTo(-143.0);
        assertThat(sketch.getMaxItem()).isEqualTo(900.0);
    }

    @Test
    void shouldFinalizeEmptySketchesToZero() {
        assertThat(finalized(factory("{\"type\": \"HLLSketchBuild\", \"name\": \"u\", \"fieldName\": \"x\"}"), null)).isEqualTo(0.0);
        assertThat(finalized(factory("{\"type\": \"HLLSketchMerge\", \"name\": \"u\", \"fieldName\": \"x\", \"round\": true}"), null))
                .isEqualTo(0L);
        assertThat(finalized(factory("{\"type\": \"thetaSketch\", \"name\": \"u\", \"fieldName\": \"x\"}"), null)).isEqualTo(0.0);
        assertThat(finalized(factory("{\"type\": \"quantilesDoublesSketch\", \"name\": \"u\", \"fieldName\": \"x\"}"), null))
                .isEqualTo(0L);
        assertThat(result(factory("{\"type\": \"thetaSketch\", \"name\": \"u\", \"fieldName\": \"missing\"}"), edits())).isEqualTo(0.0);
    }

    @Test
    void shouldCombinePartialSketchesIntoANewSketchLeavingBothAlone() {
        IncrementalIndex index = edits();
        for (String json : new String[] {
            "{\"type\": \"HLLSketchMerge\", \"name\": \"u\", \"fieldName\": \"hll\", \"round\": true}",
            "{\"type\": \"thetaSketch\", \"name\": \"u\", \"fieldName\": \"theta\"}",
        }) {
            AggregatorFactory aggregator = factory(json);
            Object whole = intermediate(aggregator, index);
            String before = json(whole);
            Object twice = aggregator.combine(whole, whole);
            assertThat(json(whole)).isEqualTo(before);
            assertThat(finalized(aggregator, twice)).isIn(4L, 4.0);
            assertThat(aggregator.combine(null, whole)).isSameAs(whole);
        }
        AggregatorFactory quantiles = factory("{\"type\": \"quantilesDoublesSketch\", \"name\": \"q\", \"fieldName\": \"quantiles\"}");
        Object sketch = intermediate(quantiles, index);
        assertThat(finalized(quantiles, quantiles.combine(sketch, sketch))).isEqualTo(10L);
        assertThat(((DoublesSketch) sketch).getN()).isEqualTo(5L);
    }

    @Test
    void shouldNameTypesAndCombineThroughTheMergeAggregator() {
        AggregatorFactory build = factory("{\"type\": \"HLLSketchBuild\", \"name\": \"u\", \"fieldName\": \"user\", \"round\": true}");

        assertThat(build.combining()).isEqualTo(factory("{\"type\": \"HLLSketchMerge\", \"name\": \"u\", \"fieldName\": \"u\", \"round\": true}"));
        assertThat(build.complexTypeName()).isEqualTo("HLLSketchBuild");
        assertThat(build.finalType()).isEqualTo(ColumnType.LONG);
        assertThat(factory(json(build))).isEqualTo(build);
        assertThat(json(build)).isEqualTo("{\"type\":\"HLLSketchBuild\",\"name\":\"u\",\"fieldName\":\"user\",\"lgK\":12,"
                + "\"tgtHllType\":\"HLL_4\",\"stringEncoding\":\"utf16le\",\"shouldFinalize\":true,\"round\":true}");
        AggregatorFactory theta = factory("{\"type\": \"thetaSketch\", \"name\": \"u\", \"fieldName\": \"user\"}");
        assertThat(theta.complexTypeName()).isEqualTo("thetaSketch");
        assertThat(theta.finalType()).isEqualTo(ColumnType.DOUBLE);
        assertThat(factory(json(theta))).isEqualTo(theta);
        AggregatorFactory quantiles = factory("{\"type\": \"quantilesDoublesSketch\", \"name\": \"u\", \"fieldName\": \"d\"}");
        assertThat(quantiles.complexTypeName()).isEqualTo("quantilesDoublesSketch");
        assertThat(quantiles.finalType()).isEqualTo(ColumnType.LONG);
        assertThat(factory(json(quantiles))).isEqualTo(quantiles);
    }

    @Test
    void shouldOrderSketchesByWhatTheyEstimate() {
        IncrementalIndex index = edits();
        AggregatorFactory theta = factory("{\"type\": \"thetaSketch\", \"name\": \"u\", \"fieldName\": \"theta\"}");

        assertThat(theta.comparator().compare(theta.emptyValue(), intermediate(theta, index))).isNegative();
        assertThat(theta.comparator().compare(null, theta.emptyValue())).isNegative();
    }

    @Test
    void shouldRejectSketchParametersDruidRejects() {
        assertThatThrownBy(() -> dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"},
                 "metricsSpec": [{"type": "HLLSketchBuild", "name": "u", "fieldName": "user", "lgK": 22}]}"""))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("lgK");
        assertThatThrownBy(() -> dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"},
                 "metricsSpec": [{"type": "thetaSketch", "name": "u", "fieldName": "user", "size": 1000}]}"""))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"},
                 "metricsSpec": [{"type": "quantilesDoublesSketch", "name": "u", "fieldName": "d", "k": 100}]}"""))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("k");
        assertThatThrownBy(() -> dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"},
                 "metricsSpec": [{"type": "HLLSketchBuild", "name": "u", "fieldName": "user", "tgtHllType": "HLL_5"}]}"""))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("tgtHllType");
    }
}
