package dev.tributary.core.aggregation.sketch;

import static dev.tributary.core.aggregation.Aggregations.finalized;
import static dev.tributary.core.aggregation.Aggregations.intermediate;
import static dev.tributary.core.aggregation.Aggregations.intermediatesBy;
import static dev.tributary.core.aggregation.Aggregations.json;
import static dev.tributary.core.aggregation.SerdeRoundTrip.objects;
import static dev.tributary.core.aggregation.SerdeRoundTrip.readBack;
import static dev.tributary.core.testing.TestData.dataSchema;
import static dev.tributary.core.testing.TestData.index;
import static dev.tributary.core.testing.TestData.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tributary.core.Json;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.ComplexSerde;
import dev.tributary.core.aggregation.ComplexSerdes;
import dev.tributary.core.aggregation.SerdeRoundTrip;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.postagg.PostAggregator;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantiles.DoublesSketch;
import org.apache.datasketches.quantiles.UpdateDoublesSketch;
import org.apache.datasketches.theta.Sketch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DataSketches metrics through their serdes: every read-back row estimates, serializes, merges,
 * feeds post-aggregators and answers queries exactly as the live row did.
 */
class SketchSerdesTest {
    private static final String METRICS = """
            [{"type": "HLLSketchBuild", "name": "hll", "fieldName": "u"},
             {"type": "HLLSketchBuild", "name": "hll6", "fieldName": "u", "lgK": 10, "tgtHllType": "HLL_6", "stringEncoding": "utf8"},
             {"type": "HLLSketchBuild", "name": "hll8", "fieldName": "u", "lgK": 5, "tgtHllType": "HLL_8"},
             {"type": "HLLSketchMerge", "name": "hllMerge", "fieldName": "sk", "lgK": 11},
             {"type": "thetaSketch", "name": "theta", "fieldName": "u"},
             {"type": "thetaSketch", "name": "thetaSmall", "fieldName": "u", "size": 64},
             {"type": "quantilesDoublesSketch", "name": "quantiles", "fieldName": "x"},
             {"type": "quantilesDoublesSketch", "name": "quantilesSmall", "fieldName": "x", "k": 8}]""";
    private static final List<String> HLL = List.of("hll", "hll6", "hll8", "hllMerge");
    private static final List<String> THETA = List.of("theta", "thetaSmall");
    private static final List<String> QUANTILES = List.of("quantiles", "quantilesSmall");

    private static IncrementalIndex live;
    private static QueryableIndex persisted;

    /**
     * Rows by page: "empty" (events without values), "one" value, "few" (5), "set" (60: an HLL sketch's
     * SET mode), "many" (8000 strings, 400 numbers: HLL mode, theta estimation mode, quantiles levels)
     * and "unicode" strings.
     */
    @BeforeAll
    static void ingest() {
        Random random = new Random(7);
        List<String> events = new ArrayList<>();
        events.add("{\"ts\": \"2020-01-01T00:00:00Z\", \"page\": \"empty\"}");
        events.add(event("one", List.of("a"), 1.5));
        events.add(event("few", values("f", 0, 5), -3.25));
        for (int e = 0; e < 6; e++) {
            events.add(event("set", values("s", 10 * e, 10), random.nextGaussian()));
        }
        for (int e = 0; e < 400; e++) {
            events.add(event("many", values("m", 20 * e, 20), random.nextGaussian() * 1000));
        }
        events.add(event("unicode", List.of("日本語", "naïve", "😀", "ß"), 0.0));
        events.add(event("unicode", List.of("日本語", "\u0000"), -0.0));
        live = index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": %s, "granularitySpec": {"queryGranularity": "hour"}}""".formatted(METRICS)),
                events.toArray(String[]::new));
        persisted = readBack(live);
    }

    private static List<String> values(String prefix, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> prefix + i).toList();
    }

    /** An event with values {@code u}, the number {@code x}, and {@code sk}: a serialized HLL sketch of {@code u}. */
    private static String event(String page, List<String> u, double x) {
        HllSketch sketch = new HllSketch(11);
        u.forEach(sketch::update);
        String list = u.stream().map(v -> "\"" + v.replace("\u0000", "\\u0000") + "\"").collect(Collectors.joining(", ", "[", "]"));
        return "{\"ts\": \"2020-01-01T00:00:00Z\", \"page\": \"" + page + "\", \"u\": " + list + ", \"x\": " + x
                + ", \"sk\": \"" + Base64.getEncoder().encodeToString(sketch.toCompactByteArray()) + "\"}";
    }

    @Test
    void shouldReadBackEveryHllSketchWithTheSameEstimatesBoundsAndBytes() {
        for (String metric : HLL) {
            compareRows(metric, SketchSerdesTest::hllForm);
        }
        assertThat(((HllSketch) row("hll8", "many")).isEmpty()).isFalse();
    }

    @Test
    void shouldReadBackEveryThetaSketchWithTheSameEstimatesBoundsAndBytes() {
        for (String metric : THETA) {
            compareRows(metric, SketchSerdesTest::thetaForm);
        }
        assertThat(((Sketch) row("thetaSmall", "many")).isEstimationMode()).isTrue();
    }

    @Test
    void shouldReadBackEveryQuantilesSketchWithTheSameQuantilesRanksAndBytes() {
        for (String metric : QUANTILES) {
            compareRows(metric, SketchSerdesTest::quantilesForm);
        }
        assertThat(((DoublesSketch) row("quantilesSmall", "many")).getN()).isEqualTo(400);
    }

    /** Each row's read-back object against the live one, by everything a query can see of it. */
    private static void compareRows(String metric, Function<Object, List<Object>> form) {
        List<Object> before = objects(live, metric);
        List<Object> after = objects(persisted, metric);
        assertThat(before).hasSize(6).doesNotContainNull();
        for (int row = 0; row < before.size(); row++) {
            assertThat(form.apply(after.get(row))).as("%s row %d", metric, row).isEqualTo(form.apply(before.get(row)));
        }
    }

    @Test
    void shouldCombineReadBackSketchesIntoTheSameSketchesAsTheLiveRows() {
        for (AggregatorFactory metric : live.metrics()) {
            var form = formOf(metric.name());
            List<Object> before = objects(live, metric.name());
            List<Object> after = objects(persisted, metric.name());
            for (int i = 0; i < before.size(); i++) {
                for (int j = 0; j < before.size(); j++) {
                    int a = i;
                    int b = j;
                    assertThat(form.apply(seeded(() -> metric.combine(after.get(a), after.get(b)))))
                            .as("%s rows %d and %d", metric.name(), i, j)
                            .isEqualTo(form.apply(seeded(() -> metric.combine(before.get(a), before.get(b)))));
                }
            }
        }
    }

    @Test
    void shouldAnswerSketchQueriesExactlyAsTheLiveIndex() {
        for (AggregatorFactory metric : live.metrics()) {
            AggregatorFactory query = metric.combining();
            Map<String, Object> byPage = seeded(() -> intermediatesBy(query, live, "page"));
            Map<String, Object> readBackByPage = seeded(() -> intermediatesBy(query, persisted, "page"));

            assertThat(json(readBackByPage)).as(metric.name()).isEqualTo(json(byPage));
            byPage.forEach((page, value) -> assertThat(json(finalized(query, readBackByPage.get(page))))
                    .as("%s %s", metric.name(), page).isEqualTo(json(finalized(query, value))));
            assertThat(json(seeded(() -> intermediate(query, persisted)))).isEqualTo(json(seeded(() -> intermediate(query, live))));
        }
    }

    @Test
    void shouldFeedPostAggregatorsTheSameFromReadBackSketches() {
        List<String> hll = List.of(
                "{\"type\": \"HLLSketchEstimate\", \"name\": \"p\", \"field\": %1$s}",
                "{\"type\": \"HLLSketchEstimate\", \"name\": \"p\", \"field\": %1$s, \"round\": true}",
                "{\"type\": \"HLLSketchEstimateWithBounds\", \"name\": \"p\", \"field\": %1$s, \"numStdDev\": 2}",
                "{\"type\": \"HLLSketchUnion\", \"name\": \"p\", \"fields\": [%1$s, %2$s], \"lgK\": 12, \"tgtHllType\": \"HLL_8\"}");
        List<String> theta = List.of(
                "{\"type\": \"thetaSketchEstimate\", \"name\": \"p\", \"field\": %1$s}",
                "{\"type\": \"thetaSketchEstimate\", \"name\": \"p\", \"field\": %1$s, \"errorBoundsStdDev\": 2}",
                "{\"type\": \"thetaSketchSetOp\", \"name\": \"p\", \"func\": \"UNION\", \"fields\": [%1$s, %2$s]}",
                "{\"type\": \"thetaSketchSetOp\", \"name\": \"p\", \"func\": \"INTERSECT\", \"size\": 32, \"fields\": [%1$s, %2$s]}",
                "{\"type\": \"thetaSketchSetOp\", \"name\": \"p\", \"func\": \"NOT\", \"fields\": [%1$s, %2$s]}");
        List<String> quantiles = List.of(
                "{\"type\": \"quantilesDoublesSketchToQuantile\", \"name\": \"p\", \"fraction\": 0.9, \"field\": %1$s}",
                "{\"type\": \"quantilesDoublesSketchToQuantiles\", \"name\": \"p\", \"fractions\": [0, 0.1, 0.5, 0.99, 1], \"field\": %1$s}",
                "{\"type\": \"quantilesDoublesSketchToHistogram\", \"name\": \"p\", \"numBins\": 7, \"field\": %1$s}",
                "{\"type\": \"quantilesDoublesSketchToHistogram\", \"name\": \"p\", \"splitPoints\": [-100, 0, 1.5, 300], \"field\": %1$s}",
                "{\"type\": \"quantilesDoublesSketchToRank\", \"name\": \"p\", \"value\": 0.5, \"field\": %1$s}",
                "{\"type\": \"quantilesDoublesSketchToCDF\", \"name\": \"p\", \"splitPoints\": [-500, 0, 500], \"field\": %1$s}");
        int computed = 0;
        for (AggregatorFactory metric : live.metrics()) {
            List<String> posts = HLL.contains(metric.name()) ? hll : THETA.contains(metric.name()) ? theta : quantiles;
            List<Object> before = objects(live, metric.name());
            List<Object> after = objects(persisted, metric.name());
            for (String template : posts) {
                PostAggregator post = postAggregator(template.formatted(access("a"), access("b")));
                for (int i = 0; i < before.size(); i++) {
                    for (int j = 0; j < before.size(); j++) {
                        String expected = json(post.compute(Map.of("a", before.get(i), "b", before.get(j)), Map.of()));
                        assertThat(json(post.compute(Map.of("a", after.get(i), "b", after.get(j)), Map.of())))
                                .as("%s on %s rows %d and %d", template, metric.name(), i, j).isEqualTo(expected);
                        computed++;
                    }
                }
            }
        }
        assertThat(computed).isEqualTo(36 * (4 * hll.size() + 2 * theta.size() + 2 * quantiles.size()));
    }

    @Test
    void shouldWriteCompactFormsExceptForHllSketchesInSetModeAndQuantilesSketches() {
        for (String metric : HLL) {
            for (String page : List.of("empty", "one", "few", "many", "unicode")) {
                HllSketch sketch = (HllSketch) row(metric, page);
                assertThat(serde(metric).toBytes(sketch)).as("%s %s", metric, page).isEqualTo(sketch.toCompactByteArray());
            }
        }
        HllSketch set = (HllSketch) row("hll", "set");
        assertThat(serde("hll").toBytes(set)).isEqualTo(set.toUpdatableByteArray()).hasSizeGreaterThan(set.toCompactByteArray().length);
        for (String metric : THETA) {
            for (String page : List.of("empty", "one", "few", "set", "many", "unicode")) {
                Sketch sketch = (Sketch) row(metric, page);
                assertThat(serde(metric).toBytes(sketch)).as("%s %s", metric, page).isEqualTo(sketch.compact().toByteArray());
            }
        }
        for (String page : List.of("empty", "one", "few", "set", "many", "unicode")) {
            DoublesSketch sketch = (DoublesSketch) row("quantiles", page);
            assertThat(serde("quantiles").toBytes(sketch)).as(page).isEqualTo(sketch.toByteArray(false));
            assertThat(SerdeRoundTrip.roundTrip("quantilesDoublesSketch", sketch)).isInstanceOf(UpdateDoublesSketch.class);
        }
    }

    /** Every mode, type and size of HLL sketch, built or merged, reads back into the same sketch. */
    @Test
    void shouldReadBackHllSketchesOfEveryModeTypeAndSizeExactly() {
        Random random = new Random(3);
        for (TgtHllType type : TgtHllType.values()) {
            for (int lgK = 4; lgK <= 14; lgK += 5) {
                for (int n : new int[] {0, 1, 7, 8, 12, 50, 200, 1000, 30_000}) {
                    HllSketch built = new HllSketch(lgK, type);
                    HllSketch other = new HllSketch(lgK, TgtHllType.HLL_8);
                    for (int i = 0; i < n; i++) {
                        built.update(random.nextLong());
                        other.update(random.nextLong());
                    }
                    Union union = new Union(lgK);
                    union.update(built);
                    union.update(other);
                    for (HllSketch sketch : List.of(built, union.getResult(type))) {
                        HllSketch read = (HllSketch) SerdeRoundTrip.roundTrip("HLLSketchBuild", sketch);
                        assertThat(hex(read.toUpdatableByteArray())).as("%s lgK %d n %d", type, lgK, n)
                                .isEqualTo(hex(sketch.toUpdatableByteArray()));
                        assertThat(hllForm(read)).isEqualTo(hllForm(sketch));
                        assertThat(hllForm(combine(lgK, type, read, other))).isEqualTo(hllForm(combine(lgK, type, sketch, other)));
                        assertThat(hllForm(combine(lgK, type, other, read))).isEqualTo(hllForm(combine(lgK, type, other, sketch)));
                    }
                }
            }
        }
    }

    private static HllSketch combine(int lgK, TgtHllType type, HllSketch a, HllSketch b) {
        Union union = new Union(lgK);
        union.update(a);
        union.update(b);
        return union.getResult(type);
    }

    /** Quantiles sketches of every size, with and without signed zeros, merge alike once read back, on either side. */
    @Test
    void shouldMergeReadBackQuantilesSketchesOfEverySizeAndSignedZeroExactly() {
        Random random = new Random(5);
        for (int k : new int[] {2, 16, 128}) {
            for (int n : new int[] {0, 1, 2, 5, 31, 32, 33, 300, 5000}) {
                for (double zeroShare : new double[] {0, 0.3}) {
                    UpdateDoublesSketch sketch = DoublesSketch.builder().setK(k).build();
                    UpdateDoublesSketch other = DoublesSketch.builder().setK(k).build();
                    for (int i = 0; i < n; i++) {
                        sketch.update(random.nextDouble() < zeroShare ? (random.nextBoolean() ? 0.0 : -0.0) : random.nextGaussian());
                        other.update(random.nextDouble() < zeroShare ? 0.0 : random.nextGaussian());
                    }
                    DoublesSketch read = (DoublesSketch) SerdeRoundTrip.roundTrip("quantilesDoublesSketch", sketch);
                    AggregatorFactory factory = new DoublesSketchAggregatorFactory("q", "q", k, null, null);
                    assertThat(quantilesForm(read)).as("k %d n %d zeros %s", k, n, zeroShare).isEqualTo(quantilesForm(sketch));
                    assertThat(quantilesForm(seeded(() -> factory.combine(read, other))))
                            .isEqualTo(quantilesForm(seeded(() -> factory.combine(sketch, other))));
                    assertThat(quantilesForm(seeded(() -> factory.combine(other, read))))
                            .isEqualTo(quantilesForm(seeded(() -> factory.combine(other, sketch))));
                    assertThat(quantilesForm(seeded(() -> factory.combine(factory.emptyValue(), read))))
                            .isEqualTo(quantilesForm(seeded(() -> factory.combine(factory.emptyValue(), sketch))));
                }
            }
        }
    }

    /**
     * A quantiles sketch that is already compact (read from Druid's bytes, say) stays compact, and query
     * code takes it as it takes the updatable ones the index holds.
     */
    @Test
    void shouldKeepACompactQuantilesSketchCompactAndServeQueriesFromIt() {
        PostAggregator quantiles = postAggregator("{\"type\": \"quantilesDoublesSketchToQuantiles\", \"name\": \"p\", "
                + "\"fractions\": [0, 0.5, 1], \"field\": " + access("a") + "}");
        AggregatorFactory metric = live.metrics().stream().filter(m -> m.name().equals("quantiles")).findFirst().orElseThrow();
        for (String page : List.of("one", "many")) {
            DoublesSketch updatable = (DoublesSketch) row("quantiles", page);
            DoublesSketch compact = DoublesSketch.heapify(Memory.wrap(updatable.toByteArray(true)));

            DoublesSketch read = (DoublesSketch) SerdeRoundTrip.roundTrip("quantilesDoublesSketch", compact);

            assertThat(read).isNotInstanceOf(UpdateDoublesSketch.class);
            assertThat(quantilesForm(read)).isEqualTo(quantilesForm(updatable));
            assertThat(json(quantiles.compute(Map.of("a", read), Map.of()))).isEqualTo(json(quantiles.compute(Map.of("a", updatable), Map.of())));
            assertThat(((DoublesSketch) metric.combine(read, updatable)).getN()).isEqualTo(2 * updatable.getN());
        }
    }

    @Test
    void shouldRefuseBytesThatAreNotASketch() {
        for (String type : List.of("HLLSketchBuild", "HLLSketchMerge", "thetaSketch", "quantilesDoublesSketch")) {
            assertThatThrownBy(() -> ComplexSerdes.forType(type).fromBytes(ByteBuffer.wrap(new byte[] {9, 9, 9})))
                    .as(type).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(type);
        }
    }

    private static ComplexSerde serde(String metric) {
        return ComplexSerdes.forType(live.metrics().stream().filter(m -> m.name().equals(metric)).findFirst().orElseThrow()
                .complexTypeName());
    }

    private static String access(String field) {
        return "{\"type\": \"fieldAccess\", \"name\": \"" + field + "\", \"fieldName\": \"" + field + "\"}";
    }

    private static PostAggregator postAggregator(String json) {
        try {
            return Json.mapper().readValue(json, PostAggregator.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static Function<Object, List<Object>> formOf(String metric) {
        if (HLL.contains(metric)) {
            return SketchSerdesTest::hllForm;
        }
        return THETA.contains(metric) ? SketchSerdesTest::thetaForm : SketchSerdesTest::quantilesForm;
    }

    private static List<Object> hllForm(Object value) {
        HllSketch s = (HllSketch) value;
        return List.of(s.getEstimate(), s.getLowerBound(1), s.getUpperBound(1), s.getLowerBound(3), s.getUpperBound(3),
                s.getCompositeEstimate(), s.isEmpty(), s.getLgConfigK(), s.getTgtHllType(), s.isEstimationMode(),
                hex(s.toCompactByteArray()), hex(s.toUpdatableByteArray()), json(s));
    }

    private static List<Object> thetaForm(Object value) {
        Sketch s = (Sketch) value;
        return List.of(s.getEstimate(), s.getLowerBound(1), s.getUpperBound(1), s.getLowerBound(3), s.getUpperBound(3),
                s.getRetainedEntries(true), s.getThetaLong(), s.isEmpty(), s.isEstimationMode(), s.isOrdered(),
                hex(s.compact().toByteArray()), json(s));
    }

    private static List<Object> quantilesForm(Object value) {
        DoublesSketch s = (DoublesSketch) value;
        List<Object> form = new ArrayList<>(List.of(s.getN(), s.getK(), s.isEmpty(), s.getNumRetained(),
                hex(s.toByteArray(true)), json(s)));
        if (!s.isEmpty()) {
            double[] splits = {-500, -1, 0, 1.5, 2, 700};
            form.addAll(List.of(s.getMinItem(), s.getMaxItem(),
                    List.of(s.getQuantiles(new double[] {0, 0.01, 0.25, 0.5, 0.75, 0.99, 1})),
                    List.of(s.getRanks(splits)), List.of(s.getPMF(splits)), List.of(s.getCDF(splits)),
                    List.of(s.getQuantileLowerBound(0.5), s.getQuantileUpperBound(0.5))));
        }
        return form.stream().map(v -> v instanceof List<?> list && list.get(0) instanceof double[] d ? hex(d) : v).toList();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String hex(double[] values) {
        return Arrays.toString(values);
    }

    private static Object row(String metric, String page) {
        List<Object> pages = rows(live, "page").stream().map(r -> r.get("page")).toList();
        return objects(live, metric).get(pages.indexOf(page));
    }

    /**
     * Runs {@code computation} with DataSketches' quantiles randomness seeded: a quantiles merge that
     * compacts keeps the odd or the even items at random (a static {@code Random} behind a package-private
     * setter), so two merges agree only when both start from the same seed.
     */
    private static <T> T seeded(Supplier<T> computation) {
        try {
            Method setRandom = DoublesSketch.class.getDeclaredMethod("setRandom", long.class);
            setRandom.setAccessible(true);
            setRandom.invoke(null, 42L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return computation.get();
    }
}
