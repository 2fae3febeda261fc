package dev.tributary.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every block encoding reads back bit for bit, one value at a time and a range at a time, whatever
 * the range's alignment to blocks: constants, packed widths from 1 to 64 bits, tables, whole-number
 * and decimal doubles with exceptions, raw doubles and floats, with and without LZ4.
 */
class NumericStreamTest {
    @TempDir
    Path temp;
    private int files;

    @Test
    void shouldReadBackLongsOfEveryWidthAndShape() throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        for (int width = 1; width <= 64; width++) {
            int shift = 64 - width;
            long offset = random.nextLong();
            check(ColumnType.LONG, 20_000, () -> offset + (random.nextLong() >>> shift));
        }
        check(ColumnType.LONG, 9000, () -> 42L);
        long[] few = {Long.MIN_VALUE, -5, 0, 1_700_000_000_000L, Long.MAX_VALUE};
        check(ColumnType.LONG, 30_000, () -> few[random.nextInt(few.length)]);
        long[] minutes = {1_700_000_000_000L, 1_700_000_060_000L, 1_700_000_120_000L};
        check(ColumnType.LONG, 30_000, () -> minutes[random.nextInt(minutes.length)]);
        long[] run = {0};
        check(ColumnType.LONG, 30_000, () -> run[0]++ / 100); // compresses well: LZ4 blocks
    }

    @Test
    void shouldReadBackDoublesAndFloatsBitForBit() throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        check(ColumnType.DOUBLE, 30_000, random::nextDouble);
        check(ColumnType.DOUBLE, 30_000, () -> random.nextInt(1000) - 500.0);
        double[] prices = new double[30_000];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = random.nextInt(10_000) / 100.0;
        }
        int[] next = {0};
        // sums of prices: mostly exact decimals, some not (the exceptions of the DECIMAL encoding)
        check(ColumnType.DOUBLE, 30_000, () -> prices[next[0]++ % prices.length] + prices[random.nextInt(prices.length)]);
        double[] odd = {-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            Double.MAX_VALUE, 0.1, 1e300, -2.5};
        check(ColumnType.DOUBLE, 20_000, () -> random.nextInt(3) == 0 ? odd[random.nextInt(odd.length)] : random.nextInt(100) / 10.0);
        check(ColumnType.FLOAT, 20_000, () -> (float) random.nextGaussian());
        check(ColumnType.FLOAT, 20_000, () -> (float) random.nextInt(100));
    }

    private void check(ColumnType type, int count, Supplier<Number> values) throws IOException {
        Number[] expected = new Number[count];
        Path file = temp.resolve("stream-" + files++);
        try (SegmentOutput out = new SegmentOutput(file, false)) {
            NumericStreamWriter writer = new NumericStreamWriter(type, out);
            for (int i = 0; i < count; i++) {
                Number v = values.get();
                if (type == ColumnType.LONG) {
                    writer.addLong(v.longValue());
                } else {
                    writer.addDouble(v.doubleValue());
                }
                expected[i] = v;
            }
            writer.finish();
        }
        ByteBuffer bytes = ByteBuffer.allocateDirect((int) Files.size(file)).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(Files.readAllBytes(file)).flip();
        NumericStream stream = new NumericStream(bytes, "test stream");
        assertThat(stream.rows()).isEqualTo(count);
        SplittableRandom random = new SplittableRandom(count);
        long[] longs = new long[count];
        double[] doubles = new double[count];
        for (int trial = 0; trial < 40; trial++) {
            int from = random.nextInt(count);
            int to = from + random.nextInt(count - from + 1);
            stream.readLongs(from, to, longs);
            stream.readDoubles(from, to, doubles);
            for (int row = from; row < to; row++) {
                assertThat(longs[row - from]).as("%s row %d of [%d, %d) as long", type, row, from, to).isEqualTo(asLong(expected[row]));
                assertThat(Double.doubleToRawLongBits(doubles[row - from])).as("%s row %d of [%d, %d) as double", type, row, from, to)
                        .isEqualTo(Double.doubleToRawLongBits(expected[row].doubleValue()));
            }
        }
        for (int trial = 0; trial < 20; trial++) {
            int from = random.nextInt(count);
            int to = from + 1 + random.nextInt(count - from);
            long sum = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            double doubleSum = 0.5;
            for (int row = from; row < to; row++) {
                long v = asLong(expected[row]);
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                doubleSum += expected[row].doubleValue();
            }
            assertThat(stream.foldLongs(from, to, NumericColumn.LongFold.SUM)).as("%s sum of [%d, %d)", type, from, to).isEqualTo(sum);
            assertThat(stream.foldLongs(from, to, NumericColumn.LongFold.MIN)).as("%s min of [%d, %d)", type, from, to).isEqualTo(min);
            assertThat(stream.foldLongs(from, to, NumericColumn.LongFold.MAX)).as("%s max of [%d, %d)", type, from, to).isEqualTo(max);
            // a NaN's sign bit after inf + -inf is up to the CPU and the JIT: any NaN is the same NaN here
            assertThat(Double.doubleToLongBits(stream.sumDoubles(from, to, 0.5))).as("%s double sum of [%d, %d)", type, from, to)
                    .isEqualTo(Double.doubleToLongBits(doubleSum));
        }
        for (int row = 0; row < count; row += 1 + random.nextInt(7)) {
            assertThat(stream.getLong(row)).as("%s row %d", type, row).isEqualTo(asLong(expected[row]));
            assertThat(Double.doubleToRawLongBits(stream.getDouble(row))).as("%s row %d", type, row)
                    .isEqualTo(Double.doubleToRawLongBits(expected[row].doubleValue()));
        }
    }

    private static long asLong(Number value) {
        return value instanceof Long l ? l : (long) value.doubleValue();
    }
}
