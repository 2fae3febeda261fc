package dev.tributary.core.aggregation.hyperloglog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Druid's HyperLogLogCollector, rebuilt: every expected estimate and byte here was produced by
 * Druid 37's own collector from the same hashes.
 */
class HyperLogLogCollectorTest {
    private static HyperLogLogCollector users(int from, int to) {
        HyperLogLogCollector collector = new HyperLogLogCollector();
        Murmur3 murmur = new Murmur3();
        for (int i = from; i < to; i++) {
            byte[] bytes = ("user" + i).getBytes(UTF_8);
            murmur.hash(bytes, 0, bytes.length);
            collector.add(murmur.h1, murmur.h2);
        }
        return collector;
    }

    private static String hex(byte[] bytes, int length) {
        return HexFormat.of().formatHex(bytes, 0, length);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void shouldHashLikeGuavasMurmur3With128Bits() {
        Murmur3 murmur = new Murmur3();
        String[][] vectors = {
            {"", "00000000000000000000000000000000"},
            {"hello", "029bbd41b3a7d8cb191dae486a901e5b"},
            {"Gypsy Danger", "ebd69f49a6b35021435e803a6b4fa7b6"},
            {"ééé", "104bca8537c02103fc51cfebfe0a245a"},
        };
        for (String[] vector : vectors) {
            byte[] input = vector[0].getBytes(UTF_8);
            murmur.hash(input, 0, input.length);
            byte[] digest = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .putLong(murmur.h1).putLong(murmur.h2).array();
            assertThat(HexFormat.of().formatHex(digest)).as(vector[0]).isEqualTo(vector[1]);
        }
    }

    @Test
    void shouldEstimateAndSerializeExactlyAsDruidAcrossTheSmallMiddleAndLargeRanges() throws Exception {
        HyperLogLogCollector small = users(0, 1000);
        HyperLogLogCollector middle = users(0, 20000);
        HyperLogLogCollector large = users(0, 1_000_000);

        assertThat(small.estimateCardinality()).isEqualTo(1002.963219647517);
        assertThat(middle.estimateCardinality()).isEqualTo(19035.203084301214);
        assertThat(large.estimateCardinality()).isEqualTo(975696.9307208301);
        assertThat(hex(large.toByteArray(), 7)).isEqualTo("010607fe170067");
        assertThat(sha256(small.toByteArray())).isEqualTo("fce2acd6c2375c8e4586d871c14e915533d0339859ea1b1918ef0d4ff06835a5");
        assertThat(sha256(middle.toByteArray())).isEqualTo("64525a5ac214ce02006d4f767dfce685d5c4ff05e8946926e8c10c5fc321b7d9");
        assertThat(sha256(large.toByteArray())).isEqualTo("361893d74ff268c5ee0f4284d86e0e96f7b5b65286cbd3c1f077614c8ffff584");
    }

    @Test
    void shouldFoldCollectorsWithDifferentRegisterOffsetsAsDruidDoes() {
        HyperLogLogCollector lower = users(0, 30000);
        HyperLogLogCollector higher = users(20000, 300000);

        HyperLogLogCollector union = new HyperLogLogCollector().fold(lower).fold(higher);
        HyperLogLogCollector otherOrder = new HyperLogLogCollector().fold(higher).fold(lower);

        assertThat(union.estimateCardinality()).isEqualTo(298580.48284398165);
        assertThat(otherOrder.estimateCardinality()).isEqualTo(298580.48284398165);
        assertThat(hex(union.toByteArray(), 7)).isEqualTo("010507ea000000");
    }

    @Test
    void shouldWriteTheSparseFormBelow128RegistersPaddedWithZeroEntriesAsDruidDoes() {
        HyperLogLogCollector collector = new HyperLogLogCollector();
        collector.add(0, 1);
        collector.add(1, 3);
        collector.add(2, 9);

        assertThat(hex(collector.toByteArray(), 16)).isEqualTo("01000003000000000713000890000000");
        assertThat(new HyperLogLogCollector().toBase64()).isEqualTo("AQAAAAAAAA==");
        assertThat(HyperLogLogCollector.fromBytes(collector.toByteArray()).estimateCardinality())
                .isEqualTo(collector.estimateCardinality()).isEqualTo(3.0021994137521975);
    }

    @Test
    void shouldKeepTheLargestValueThatDoesNotFitInTheOverflowRegister() {
        HyperLogLogCollector collector = new HyperLogLogCollector();
        collector.add(0, 1);
        collector.add(1, 3);
        collector.add(2, 9);
        collector.add(3, 64);
        collector.add(4, 17);

        assertThat(hex(collector.toByteArray(), 7)).isEqualTo("01000003400003");
        assertThat(collector.estimateCardinality()).isEqualTo(2.000977198748901);
    }

    @Test
    void shouldReproduceDruidsEstimatesAroundTheOverflowRegister() {
        assertThat(collector(0, 1, 1, 64).estimateCardinality()).isEqualTo(0.0);
        assertThat(collector(0, 1, 0, 64).estimateCardinality()).isEqualTo(1.0002442201269182);
        // never densified: Druid's sparse estimate ignores the overflow register
        HyperLogLogCollector overflowOnly = collector(5, 20);
        assertThat(overflowOnly.estimateCardinality()).isEqualTo(0.0);
        assertThat(HyperLogLogCollector.fromBytes(dense(overflowOnly.toByteArray())).estimateCardinality())
                .isEqualTo(1.0002442201269182);
        assertThat(collector(5, 20, 6, 1).estimateCardinality()).isEqualTo(2.000977198748901);
        assertThat(HyperLogLogCollector.fromBytes(collector(5, 20, 6, 1).toByteArray()).estimateCardinality())
                .isEqualTo(1.0002442201269182);
        HyperLogLogCollector folded = new HyperLogLogCollector().fold(overflowOnly);
        assertThat(folded.estimateCardinality()).isEqualTo(1.0002442201269182);
        assertThat(hex(folded.toByteArray(), 7)).isEqualTo("01000000140005");
    }

    @Test
    void shouldZeroTheDenseVersionByteAfterDensifyingPaddedSparseBytesAsDruidDoes() {
        HyperLogLogCollector padded = HyperLogLogCollector.fromBytes(collector(10, 1, 11, 2).toByteArray());
        for (int bucket = 100; bucket < 300; bucket++) {
            padded.add(bucket, 1);
        }

        byte[] bytes = padded.toByteArray();
        assertThat(hex(bytes, 7)).isEqualTo("000000ca000000");
        assertThat(HyperLogLogCollector.fromBytes(bytes).estimateCardinality()).isEqualTo(212.66958560583862);
        assertThat(padded.estimateCardinality()).isEqualTo(212.66958560583862);
    }

    @Test
    void shouldRejectBytesThatAreNotACollector() {
        assertThatThrownBy(() -> HyperLogLogCollector.fromBytes(new byte[] {2, 0, 0, 0, 0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HyperLogLogCollector.fromBytes(new byte[] {1, 0, 0, 0, 0, 0, 0, 5}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A collector given (bucket, register value) pairs, as hashes with those properties would set. */
    private static HyperLogLogCollector collector(int... bucketsAndValues) {
        HyperLogLogCollector collector = new HyperLogLogCollector();
        for (int i = 0; i < bucketsAndValues.length; i += 2) {
            collector.add(bucketsAndValues[i], bucketsAndValues[i + 1]);
        }
        return collector;
    }

    /** Sparse bytes rewritten in the dense form. */
    private static byte[] dense(byte[] sparse) {
        byte[] dense = new byte[HyperLogLogCollector.HEADER_BYTES + HyperLogLogCollector.NUM_BYTES];
        System.arraycopy(sparse, 0, dense, 0, HyperLogLogCollector.HEADER_BYTES);
        for (int i = HyperLogLogCollector.HEADER_BYTES; i < sparse.length; i += 3) {
            int position = (sparse[i] & 0xff) << 8 | (sparse[i + 1] & 0xff);
            dense[position] = sparse[i + 2];
        }
        return dense;
    }
}
