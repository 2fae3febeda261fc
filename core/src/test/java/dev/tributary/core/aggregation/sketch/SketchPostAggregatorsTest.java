package dev.tributary.core.aggregation.sketch;

import static dev.tributary.core.aggregation.Aggregations.factory;
import static dev.tributary.core.aggregation.Aggregations.intermediate;
import static dev.tributary.core.aggregation.Aggregations.intermediatesBy;
import static dev.tributary.core.aggregation.Aggregations.json;
import static dev.tributary.core.testing.TestData.dataSchema;
import static dev.tributary.core.testing.TestData.index;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import dev.tributary.core.Json;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.query.InvalidQueryException;
import dev.tributary.core.query.postagg.PostAggregator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.quantiles.DoublesSketch;
import org.apache.datasketches.quantiles.UpdateDoublesSketch;
import org.apache.datasketches.theta.Sketch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sketch post-aggregators, read from Druid JSON and computed over aggregator intermediates. */
class SketchPostAggregatorsTest {
    /** A stand-in for Druid's {@code fieldAccess} (another part of Tributary): the named value as it is. */
    record TestFieldAccess(@JsonProperty("name") String name, @JsonProperty("fieldName") String fieldName)
            implements PostAggregator {
        @Override
        public Set<String> dependentFields() {
            return Set.of(fieldName);
        }

        @Override
        public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
            return values.get(fieldName);
        }
    }

    private static ObjectMapper mapper;
    private static final Map<String, Object> values = new HashMap<>();

    /** Users of page a: nuclear, speed; of page b: masterYi, nuclear. Deltas 1..100. */
    @BeforeAll
    static void aggregate() {
        mapper = Json.mapper().copy();
        mapper.registerSubtypes(new NamedType(TestFieldAccess.class, "testFieldAccess"));
        IncrementalIndex index = index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page", "user"]},
                 "granularitySpec": {"rollup": false}}"""),
                "{\"ts\": \"2020-01-01T00:00:01Z\", \"page\": \"a\", \"user\": \"nuclear\"}",
                "{\"ts\": \"2020-01-01T00:00:02Z\", \"page\": \"a\", \"user\": \"speed\"}",
                "{\"ts\": \"2020-01-01T00:00:03Z\", \"page\": \"b\", \"user\": \"masterYi\"}",
                "{\"ts\": \"2020-01-01T00:00:04Z\", \"page\": \"b\", \"user\": \"nuclear\"}");
        Map<String, Object> thetaByPage = intermediatesBy(
                factory("{\"type\": \"thetaSketch\", \"name\": \"u\", \"fieldName\": \"user\"}"), index, "page");
        Map<String, Object> hllByPage = intermediatesBy(
                factory("{\"type\": \"HLLSketchBuild\", \"name\": \"u\", \"fieldName\": \"user\"}"), index, "page");
        values.put("thetaA", thetaByPage.get("a"));
        values.put("thetaB", thetaByPage.get("b"));
        values.put("hllA", hllByPage.get("a"));
        values.put("hllB", hllByPage.get("b"));
        values.put("hll", intermediate(factory("{\"type\": \"HLLSketchBuild\", \"name\": \"u\", \"fieldName\": \"user\"}"), index));
        UpdateDoublesSketch deltas = DoublesSketch.builder().build();
        for (int i = 1; i <= 100; i++) {
            deltas.update(i);
        }
        values.put("deltas", deltas);
        values.put("same", constant(7, 3));
        values.put("noDeltas", DoublesSketch.builder().build());
        values.put("count", 4L);
    }

    private static DoublesSketch constant(double value, int times) {
        UpdateDoublesSketch sketch = DoublesSketch.builder().build();
        for (int i = 0; i < times; i++) {
            sketch.update(value);
        }
        return sketch;
    }

    private static Object compute(String postAggregatorJson) throws Exception {
        PostAggregator post = mapper.readValue(postAggregatorJson, PostAggregator.class);
        return post.compute(values, Map.of());
    }

    private static String field(String name) {
        return "{\"type\": \"testFieldAccess\", \"name\": \"" + name + "\", \"fieldName\": \"" + name + "\"}";
    }

    @Test
    void shouldEstimateHllSketchesAsADoubleOrARoundedLong() throws Exception {
        assertThat((Double) compute("{\"type\": \"HLLSketchEstimate\", \"name\": \"e\", \"field\": " + field("hll") + "}"))
                .isCloseTo(3.0, within(1e-6));
        assertThat(compute("{\"type\": \"HLLSketchEstimate\", \"name\": \"e\", \"field\": " + field("hll") + ", \"round\": true}"))
                .isEqualTo(3L);
        double[] bounds = (double[]) compute("{\"type\": \"HLLSketchEstimateWithBounds\", \"name\": \"e\", \"field\": "
                + field("hll") + ", \"numStdDev\": 2}");
        assertThat(bounds).hasSize(3);
        assertThat(bounds[1]).isLessThanOrEqualTo(bounds[0]);
        assertThat(bounds[2]).isGreaterThanOrEqualTo(bounds[0]);
    }

    @Test
    void shouldUnionHllSketches() throws Exception {
        Object union = compute("{\"type\": \"HLLSketchUnion\", \"name\": \"e\", \"fields\": [" + field("hllA") + ", "
                + field("hllB") + "], \"lgK\": 12, \"tgtHllType\": \"HLL_8\"}");

        assertThat(((HllSketch) union).getEstimate()).isCloseTo(3.0, within(1e-6));
    }

    @Test
    void shouldEstimateThetaSketchesAndTheirSetOperations() throws Exception {
        String a = field("thetaA");
        String b = field("thetaB");

        assertThat(compute("{\"type\": \"thetaSketchEstimate\", \"name\": \"e\", \"field\": " + a + "}")).isEqualTo(2.0);
        assertThat(estimateOf("INTERSECT", a, b)).isEqualTo(1.0);
        assertThat(estimateOf("UNION", a, b)).isEqualTo(3.0);
        assertThat(estimateOf("NOT", a, b)).isEqualTo(1.0);
        assertThat(json(compute("{\"type\": \"thetaSketchEstimate\", \"name\": \"e\", \"errorBoundsStdDev\": 1, \"field\": " + a + "}")))
                .isEqualTo("{\"estimate\":2.0,\"highBound\":2.0,\"lowBound\":2.0,\"numStdDev\":1}");
    }

    private static Object estimateOf(String func, String a, String b) throws Exception {
        return compute("""
                {"type": "thetaSketchEstimate", "name": "e",
                 "field": {"type": "thetaSketchSetOp", "name": "s", "func": "%s", "fields": [%s, %s]}}""".formatted(func, a, b));
    }

    @Test
    void shouldReadQuantilesRanksHistogramsAndCdfsFromAQuantilesSketch() throws Exception {
        String deltas = field("deltas");

        assertThat(compute("{\"type\": \"quantilesDoublesSketchToQuantile\", \"name\": \"q\", \"fraction\": 0.5, \"field\": " + deltas + "}"))
                .isEqualTo(50.0);
        assertThat(compute("{\"type\": \"quantilesDoublesSketchToQuantiles\", \"name\": \"q\", \"fractions\": [0, 0.5, 1], \"field\": " + deltas + "}"))
                .isEqualTo(new double[] {1, 50, 100});
        assertThat(compute("{\"type\": \"quantilesDoublesSketchToHistogram\", \"name\": \"q\", \"splitPoints\": [25.5, 50.5], \"field\": " + deltas + "}"))
                .isEqualTo(new double[] {25, 25, 50});
        assertThat(compute("{\"type\": \"quantilesDoublesSketchToHistogram\", \"name\": \"q\", \"numBins\": 4, \"field\": " + deltas + "}"))
                .isEqualTo(new double[] {25, 25, 25, 25});
        assertThat(compute("{\"type\": \"quantilesDoublesSketchToRank\", \"name\": \"q\", \"value\": 50, \"field\": " + deltas + "}"))
                .isEqualTo(0.5);
        assertThat(compute("{\"type\": \"quantilesDoublesSketchToCDF\", \"name\": \"q\", \"splitPoints\": [25, 50], \"field\": " + deltas + "}"))
                .isEqualTo(new double[] {0.25, 0.5, 1.0});
    }

    @Test
    void shouldGiveNaNsForAnEmptyQuantilesSketchAndOneFullBinWhenAllValuesAreEqual() throws Exception {
        String empty = field("noDeltas");

        assertThat((Double) compute("{\"type\": \"quantilesDoublesSketchToQuantile\", \"name\": \"q\", \"fraction\": 0.5, \"field\": " + empty + "}"))
                .isNaN();
        assertThat((double[]) compute("{\"type\": \"quantilesDoublesSketchToHistogram\", \"name\": \"q\", \"field\": " + empty + "}"))
                .hasSize(10).containsOnly(Double.NaN);
        assertThat(json(compute("{\"type\": \"quantilesDoublesSketchToCDF\", \"name\": \"q\", \"splitPoints\": [1], \"field\": " + empty + "}")))
                .isEqualTo("[\"NaN\",\"NaN\"]");
        assertThat(compute("{\"type\": \"quantilesDoublesSketchToHistogram\", \"name\": \"q\", \"numBins\": 3, \"field\": " + field("same") + "}"))
                .isEqualTo(new double[] {3, 0, 0});
    }

    @Test
    void shouldFailClearlyWhenTheFieldIsNotASketch() {
        assertThatThrownBy(() -> compute("{\"type\": \"thetaSketchEstimate\", \"name\": \"e\", \"field\": " + field("count") + "}"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("thetaSketchEstimate").hasMessageContaining("e").hasMessageContaining("Long");
        assertThatThrownBy(() -> compute("{\"type\": \"HLLSketchEstimate\", \"name\": \"e\", \"field\": " + field("thetaA") + "}"))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("HLL");
    }

    @Test
    void shouldListTheFieldsItReads() throws Exception {
        PostAggregator setOp = mapper.readValue("{\"type\": \"thetaSketchSetOp\", \"name\": \"s\", \"func\": \"union\", \"fields\": ["
                + field("thetaA") + ", " + field("thetaB") + "]}", PostAggregator.class);

        assertThat(setOp.dependentFields()).containsExactly("thetaA", "thetaB");
        assertThat(((ThetaSketchSetOpPostAggregator) setOp).func()).isEqualTo("UNION");
        assertThat(((Sketch) setOp.compute(values, Map.of())).getEstimate()).isEqualTo(3.0);
    }

    @Test
    void shouldRejectInvalidPostAggregators() {
        assertThatThrownBy(() -> mapper.readValue("{\"type\": \"thetaSketchSetOp\", \"name\": \"s\", \"func\": \"XOR\", \"fields\": ["
                + field("thetaA") + ", " + field("thetaB") + "]}", PostAggregator.class)).hasMessageContaining("func");
        assertThatThrownBy(() -> mapper.readValue("{\"type\": \"quantilesDoublesSketchToQuantile\", \"name\": \"q\", \"fraction\": 1.5, \"field\": "
                + field("deltas") + "}", PostAggregator.class)).hasMessageContaining("fraction");
        assertThatThrownBy(() -> mapper.readValue("{\"type\": \"quantilesDoublesSketchToHistogram\", \"name\": \"q\", \"numBins\": 1, \"field\": "
                + field("deltas") + "}", PostAggregator.class)).hasMessageContaining("bins");
    }
}
