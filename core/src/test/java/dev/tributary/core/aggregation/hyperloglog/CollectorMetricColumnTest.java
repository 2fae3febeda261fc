package dev.tributary.core.aggregation.hyperloglog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.input.InputRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The live column stores small rows compactly; whatever form a row is in, it must stand for exactly
 * the collector Druid's ingestion builds: a fresh collector per event, folded into the row's.
 */
class CollectorMetricColumnTest {
    private static final String FIELD = "hashes";

    @Test
    void everyRowEqualsTheCollectorBuiltEventByEvent() {
        SplittableRandom random = new SplittableRandom(42);
        CollectorMetricColumn column = new CollectorMetricColumn(CollectorMetricColumnTest::addHashes);
        List<HyperLogLogCollector> expected = new ArrayList<>();
        int rows = 400;
        for (int event = 0; event < 6000; event++) {
            int row = event < rows ? event : random.nextInt(rows);
            long[] hashes = randomHashes(random);
            column.aggregate(row, new InputRow(0, List.of(), Map.of(FIELD, hashes)));
            HyperLogLogCollector single = new HyperLogLogCollector();
            for (int i = 0; i < hashes.length; i += 2) {
                single.add(hashes[i], hashes[i + 1]);
            }
            if (row == expected.size()) {
                expected.add(new HyperLogLogCollector());
            }
            expected.get(row).fold(single);
        }
        for (int row = 0; row < rows; row++) {
            HyperLogLogCollector actual = (HyperLogLogCollector) column.getObject(row);
            assertThat(actual.toByteArray()).as("row %d", row).isEqualTo(expected.get(row).toByteArray());
            assertThat(actual.estimateCardinality()).isEqualTo(expected.get(row).estimateCardinality());
        }
        // folding rows into a query's collector, including one whose register offset has risen
        for (int targetSize : new int[] {0, 3, 50_000}) {
            HyperLogLogCollector viaColumn = filled(targetSize);
            HyperLogLogCollector viaObjects = filled(targetSize);
            for (int row = 0; row < rows; row++) {
                column.foldInto(row, viaColumn);
                viaObjects.fold(expected.get(row));
            }
            assertThat(viaColumn.toByteArray()).as("target of %d values", targetSize).isEqualTo(viaObjects.toByteArray());
            assertThat(viaColumn.estimateCardinality()).isEqualTo(viaObjects.estimateCardinality());
        }
    }

    @Test
    void compactRowsCostFarLessThanCollectors() {
        CollectorMetricColumn column = new CollectorMetricColumn(CollectorMetricColumnTest::addHashes);
        SplittableRandom random = new SplittableRandom(7);
        for (int row = 0; row < 1000; row++) {
            column.aggregate(row, new InputRow(0, List.of(), Map.of(FIELD, new long[] {random.nextLong(), random.nextLong()})));
        }
        // a row of one value holds no object of its own (a rare overflowing hash aside)
        assertThat(column.heldBytes()).isLessThan(1000L * 8);
        for (int value = 0; value < 200; value++) {
            column.aggregate(0, new InputRow(0, List.of(), Map.of(FIELD, new long[] {random.nextLong(), random.nextLong()})));
        }
        assertThat(column.heldBytes()).as("a row that outgrew the compact form").isGreaterThan(1024L);
    }

    private static void addHashes(InputRow event, HyperLogLogCollector collector) {
        long[] hashes = (long[]) event.get(FIELD);
        for (int i = 0; i < hashes.length; i += 2) {
            collector.add(hashes[i], hashes[i + 1]);
        }
    }

    /** Mostly one value; sometimes none, a few, or enough to outgrow the compact form. */
    private static long[] randomHashes(SplittableRandom random) {
        int roll = random.nextInt(100);
        int values = roll < 5 ? 0 : roll < 80 ? 1 : roll < 95 ? 2 + random.nextInt(8) : 20 + random.nextInt(60);
        long[] hashes = new long[2 * values];
        for (int i = 0; i < hashes.length; i++) {
            // some hashes with many trailing zeros, so that overflow registers get exercised
            hashes[i] = random.nextInt(10) == 0 ? random.nextLong() << 40 : random.nextLong();
        }
        return hashes;
    }

    private static HyperLogLogCollector filled(int values) {
        HyperLogLogCollector collector = new HyperLogLogCollector();
        SplittableRandom random = new SplittableRandom(values);
        for (int i = 0; i < values; i++) {
            collector.add(random.nextLong(), random.nextLong());
        }
        return collector;
    }
}
