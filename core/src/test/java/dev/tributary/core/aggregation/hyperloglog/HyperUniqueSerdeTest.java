package dev.tributary.core.aggregation.hyperloglog;

import static dev.tributary.core.aggregation.Aggregations.factory;
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

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.ComplexSerdes;
import dev.tributary.core.aggregation.SerdeRoundTrip;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * hyperUnique collectors (as {@code hyperUnique} and ingest-time {@code cardinality} store them)
 * through their serde: every read-back row estimates, serializes, merges and answers queries exactly
 * as the live row did.
 */
class HyperUniqueSerdeTest {
    private static final List<String> METRICS = List.of("users", "cardinality");
    /** A value whose hash overflows a fresh collector's 4-bit registers, so it lands in the overflow register. */
    private static String overflowing;
    private static IncrementalIndex live;
    private static QueryableIndex persisted;

    /**
     * Rows by page: "empty" (no value), "one", "few" (100 values: sparse bytes, with padding), "overflow"
     * (a few values and one in the overflow register), "dense" (3000 values) and "offset" (40000
     * values: every register set at least once, so the register offset has gone up).
     */
    @BeforeAll
    static void ingest() {
        overflowing = IntStream.range(0, 1_000_000).mapToObj(i -> "o" + i).filter(HyperUniqueSerdeTest::overflows)
                .findFirst().orElseThrow();
        List<String> events = new ArrayList<>();
        events.add(event("empty", List.of()));
        events.add(event("one", List.of("a")));
        events.add(event("few", values("f", 100)));
        events.add(event("overflow", values("v", 5)));
        events.add(event("overflow", List.of(overflowing)));
        events.add(event("dense", values("d", 3000)));
        for (int i = 0; i < 40; i++) {
            events.add(event("offset", values("x" + i + "_", 1000)));
        }
        live = index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "hyperUnique", "name": "users", "fieldName": "u"},
                                 {"type": "cardinality", "name": "cardinality", "fields": ["u"]}],
                 "granularitySpec": {"queryGranularity": "hour"}}"""), events.toArray(String[]::new));
        persisted = readBack(live);
    }

    private static boolean overflows(String value) {
        HyperLogLogCollector collector = new HyperLogLogCollector();
        new HllHashing().addUtf8(value, collector);
        return collector.maxOverflowValue() != 0;
    }

    private static List<String> values(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    private static String event(String page, List<String> values) {
        String list = values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
        return "{\"ts\": \"2020-01-01T00:00:00Z\", \"page\": \"" + page + "\", \"u\": " + (values.isEmpty() ? "null" : list) + "}";
    }

    @Test
    void shouldReadBackEveryRowsCollectorWithTheSameEstimateAndBytes() {
        for (String metric : METRICS) {
            List<Object> before = objects(live, metric);
            List<Object> after = objects(persisted, metric);
            assertThat(before).hasSize(6).doesNotContainNull();
            for (int row = 0; row < before.size(); row++) {
                HyperLogLogCollector original = (HyperLogLogCollector) before.get(row);
                HyperLogLogCollector read = (HyperLogLogCollector) after.get(row);
                assertThat(read).isNotSameAs(original);
                assertThat(read.estimateCardinality()).as("%s row %d", metric, row).isEqualTo(original.estimateCardinality());
                assertThat(read.toByteArray()).isEqualTo(original.toByteArray());
                assertThat(json(read)).isEqualTo(json(original));
            }
        }
    }

    @Test
    void shouldCoverSparseDenseOverflowAndOffsetRows() {
        byte[] few = collector("users", "few").toByteArray();
        byte[] overflow = collector("users", "overflow").toByteArray();

        assertThat(few.length).isLessThan(HyperLogLogCollector.HEADER_BYTES + HyperLogLogCollector.NUM_BYTES);
        assertThat(paddingEntries(few)).isPositive();
        assertThat(overflow[4]).as("overflow value").isNotZero();
        assertThat(collector("users", "dense").toByteArray()).hasSize(HyperLogLogCollector.HEADER_BYTES + HyperLogLogCollector.NUM_BYTES);
        assertThat(collector("users", "offset").toByteArray()[1]).as("register offset").isPositive();
    }

    /**
     * Druid's own reader makes a sparse collector of sparse bytes, which estimates otherwise than the
     * dense collector the row held (here: it leaves out the overflow register) and merges into other
     * bytes: why the serde reads them back dense.
     */
    @Test
    void shouldNotBehaveLikeDruidsSparseReaderWhichWouldChangeEstimatesAndMerges() {
        HyperLogLogCollector liveOverflow = collector("users", "overflow");
        HyperLogLogCollector liveFew = collector("users", "few");
        HyperLogLogCollector dense = collector("users", "dense");
        HyperLogLogCollector sparseOverflow = HyperLogLogCollector.fromBytes(liveOverflow.toByteArray());
        HyperLogLogCollector sparseFew = HyperLogLogCollector.fromBytes(liveFew.toByteArray());

        assertThat(sparseOverflow.estimateCardinality()).isNotEqualTo(liveOverflow.estimateCardinality());
        assertThat(sparseFew.copy().fold(dense).toByteArray()).isNotEqualTo(liveFew.copy().fold(dense).toByteArray());
        assertThat(roundTrip(liveOverflow).estimateCardinality()).isEqualTo(liveOverflow.estimateCardinality());
        assertThat(roundTrip(liveFew).copy().fold(dense).toByteArray()).isEqualTo(liveFew.copy().fold(dense).toByteArray());
    }

    @Test
    void shouldCombineReadBackRowsIntoTheSameCollectorsAsTheLiveRows() {
        AggregatorFactory hyperUnique = factory("{\"type\": \"hyperUnique\", \"name\": \"u\", \"fieldName\": \"users\"}");
        for (String metric : METRICS) {
            List<Object> before = objects(live, metric);
            List<Object> after = objects(persisted, metric);
            for (int i = 0; i < before.size(); i++) {
                for (int j = 0; j < before.size(); j++) {
                    HyperLogLogCollector expected = (HyperLogLogCollector) hyperUnique.combine(before.get(i), before.get(j));
                    HyperLogLogCollector actual = (HyperLogLogCollector) hyperUnique.combine(after.get(i), after.get(j));
                    assertThat(actual.toByteArray()).as("%s rows %d and %d", metric, i, j).isEqualTo(expected.toByteArray());
                    assertThat(actual.estimateCardinality()).isEqualTo(expected.estimateCardinality());
                }
            }
        }
    }

    @Test
    void shouldAnswerHyperUniqueQueriesExactlyAsTheLiveIndex() {
        for (String metric : METRICS) {
            for (String round : new String[] {"false", "true"}) {
                AggregatorFactory query = factory("{\"type\": \"hyperUnique\", \"name\": \"u\", \"fieldName\": \"" + metric
                        + "\", \"round\": " + round + "}");
                Map<String, Object> byPage = intermediatesBy(query, live, "page");
                Map<String, Object> readBackByPage = intermediatesBy(query, persisted, "page");

                assertThat(json(readBackByPage)).isEqualTo(json(byPage));
                byPage.forEach((page, value) -> assertThat(finalized(query, readBackByPage.get(page)))
                        .as("%s %s", metric, page).isEqualTo(finalized(query, value)));
                assertThat(finalized(query, intermediate(query, persisted))).isEqualTo(finalized(query, intermediate(query, live)));
                assertThat(json(intermediate(query, persisted))).isEqualTo(json(intermediate(query, live)));
            }
        }
    }

    @Test
    void shouldRefuseBytesThatAreNotACollector() {
        assertThatThrownBy(() -> ComplexSerdes.forType("hyperUnique").fromBytes(ByteBuffer.wrap(new byte[] {1, 0, 0})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ComplexSerdes.forType("hyperUnique").fromBytes(ByteBuffer.wrap(new byte[9])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static HyperLogLogCollector roundTrip(HyperLogLogCollector collector) {
        return (HyperLogLogCollector) SerdeRoundTrip.roundTrip("hyperUnique", collector);
    }

    private static HyperLogLogCollector collector(String metric, String page) {
        List<Object> pages = rows(live, "page").stream().map(r -> r.get("page")).toList();
        return (HyperLogLogCollector) objects(live, metric).get(pages.indexOf(page));
    }

    /** The zero (position 0, byte 0) entries Druid pads sparse bytes with: one per byte holding two registers. */
    private static int paddingEntries(byte[] sparse) {
        int padding = 0;
        for (int i = HyperLogLogCollector.HEADER_BYTES; i < sparse.length; i += 3) {
            padding += sparse[i] == 0 && sparse[i + 1] == 0 && sparse[i + 2] == 0 ? 1 : 0;
        }
        return padding;
    }
}
