package dev.tributary.core.aggregation.hyperloglog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * Druid's HyperLogLog collector (the {@code hyperUnique} and {@code cardinality} intermediate value),
 * rebuilt from its documented behaviour so that estimates and serialized bytes match Druid's:
 * 2048 buckets of 4-bit registers stored relative to a shared {@code registerOffset}, one overflow
 * register for the largest value that does not fit, and Druid's estimator with its small- and
 * large-range corrections.
 *
 * <p>A hash (16 bytes: Murmur3-128's h1 then h2, little-endian) picks its bucket from the last two
 * bytes and its register value from the position of the lowest set bit of the first eight.
 *
 * <p>Estimates follow Druid's including its quirks, which depend on the collector's storage form:
 * a collector is "sparse" until a register is set or another collector is folded into it (or when
 * read from sparse bytes), and "dense" after. The two forms treat the overflow register differently.
 * Not thread-safe.
 */
public final class HyperLogLogCollector {
    static final int NUM_BUCKETS = 2048;
    static final int NUM_BYTES = NUM_BUCKETS / 2;
    static final int HEADER_BYTES = 7;
    private static final byte VERSION = 1;
    private static final int RANGE = 15;
    private static final int BUCKET_MASK = NUM_BUCKETS - 1;
    /** Below this many non-zero registers Druid serializes the sparse form. */
    private static final int DENSE_THRESHOLD = 128;
    private static final double TWO_TO_THE_SIXTY_FOUR = Math.pow(2, 64);
    private static final double ALPHA = 0.7213 / (1 + 1.079 / NUM_BUCKETS);
    private static final double LOW_CORRECTION_THRESHOLD = (5 * NUM_BUCKETS) / 2.0d;
    private static final double HIGH_CORRECTION_THRESHOLD = TWO_TO_THE_SIXTY_FOUR / 30.0d;
    private static final double CORRECTION_PARAMETER = ALPHA * NUM_BUCKETS * NUM_BUCKETS;
    /** [registerOffset][register byte]: the byte's two registers' share of the harmonic sum. */
    private static final double[][] REGISTER_SUM = new double[64][256];
    /** [register byte]: how many of its two registers are zero. */
    private static final int[] ZERO_REGISTERS = new int[256];

    static {
        for (int offset = 0; offset < 64; offset++) {
            for (int b = 0; b < 256; b++) {
                int upper = (b >>> 4) + offset;
                int lower = (b & 0x0f) + offset;
                REGISTER_SUM[offset][b] = 1.0d / Math.pow(2, upper) + 1.0d / Math.pow(2, lower);
            }
        }
        for (int b = 0; b < 256; b++) {
            ZERO_REGISTERS[b] = ((b & 0xf0) == 0 ? 1 : 0) + ((b & 0x0f) == 0 ? 1 : 0);
        }
    }

    /** Two registers per byte: the even bucket in the high nibble. */
    private final byte[] registers = new byte[NUM_BYTES];
    private int registerOffset;
    private int numNonZero;
    private int maxOverflowValue;
    private int maxOverflowRegister;
    private boolean dense;
    /** For a collector read from sparse bytes: how many entries they held, padding included. */
    private int sparseEntries;
    /**
     * The version byte of the dense form. Druid writes sparse padding entries (position 0, value 0)
     * over its header when it densifies, which zeroes this byte; Druid reads either back alike.
     */
    private byte denseVersion = VERSION;
    /**
     * Only in a {@link #scratch()} collector: the register bytes that became non-zero since the last
     * reset, so that folding it into another and resetting it cost per value, not per register.
     */
    private final int[] touched;
    /** How many {@link #touched} entries are valid; -1 when more bytes were touched than it holds. */
    private int touchedCount;

    /** An empty collector. */
    public HyperLogLogCollector() {
        this.touched = null;
    }

    private HyperLogLogCollector(int[] touched) {
        this.touched = touched;
    }

    /**
     * An empty collector meant to gather one event's few values, then be folded into another and
     * {@link #reset}: both then touch only the registers it set. It behaves exactly like any collector.
     */
    static HyperLogLogCollector scratch() {
        return new HyperLogLogCollector(new int[64]);
    }

    /** Adds a 16-byte hash given as its two little-endian halves (Murmur3-128's h1 and h2). */
    public void add(long h1, long h2) {
        addPacked(pack(h1, h2));
    }

    /**
     * A hash reduced to what the collector keeps of it: {@code bucket << 8 | registerValue}. The
     * bucket is the last two hash bytes read big-endian; the value is the position of the lowest set
     * bit of the first eight (64 when none is set).
     */
    static int pack(long h1, long h2) {
        int bucket = (((int) (h2 >>> 48) & 0xff) << 8 | ((int) (h2 >>> 56) & 0xff)) & BUCKET_MASK;
        int positionOf1 = h1 == 0 ? 64 : Long.numberOfTrailingZeros(h1) + 1;
        return bucket << 8 | positionOf1;
    }

    /** Adds a hash packed by {@link #pack}. */
    void addPacked(int packed) {
        add(packed >>> 8, packed & 0xff);
    }

    /** Adds a hash as Druid's collector takes it: at least 16 bytes, h1 then h2, little-endian. */
    public void add(byte[] hash) {
        if (hash.length < 16) {
            throw new IllegalArgumentException("a HyperLogLog hash needs 16 bytes, got " + hash.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(hash).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        add(buffer.getLong(0), buffer.getLong(8));
    }

    void add(int bucket, int positionOf1) {
        if (positionOf1 <= registerOffset) {
            return;
        }
        if (positionOf1 > registerOffset + RANGE) {
            int currentMax = maxOverflowValue;
            if (positionOf1 > currentMax) {
                if (currentMax <= registerOffset + RANGE) {
                    add(maxOverflowRegister, currentMax); // the old overflow fits the registers again
                }
                maxOverflowValue = positionOf1;
                maxOverflowRegister = bucket;
            }
            return;
        }
        makeDense();
        int position = bucket >>> 1;
        int value = positionOf1 - registerOffset;
        int current = registers[position] & 0xff;
        if (current == 0 && touched != null) {
            touch(position);
        }
        if ((bucket & 1) == 0) {
            int nibble = current >>> 4;
            if (nibble == 0) {
                numNonZero++;
            }
            if (value > nibble) {
                registers[position] = (byte) ((value << 4) | (current & 0x0f));
            }
        } else {
            int nibble = current & 0x0f;
            if (nibble == 0) {
                numNonZero++;
            }
            if (value > nibble) {
                registers[position] = (byte) ((current & 0xf0) | value);
            }
        }
        if (numNonZero == NUM_BUCKETS) {
            registerOffset++;
            numNonZero = decrementRegisters();
        }
    }

    private void touch(int position) {
        if (touchedCount >= 0 && touchedCount < touched.length) {
            touched[touchedCount++] = position;
        } else {
            touchedCount = -1;
        }
    }

    private void makeDense() {
        if (dense) {
            return;
        }
        dense = true;
        if (sparseEntries == 0) {
            return; // only a collector read from sparse bytes can carry padding entries
        }
        int entries = 0;
        for (byte b : registers) {
            entries += b != 0 ? 1 : 0;
        }
        if (sparseEntries > entries) {
            denseVersion = 0;
        }
    }

    /** Every register is non-zero: lower them all by one (the offset goes up by one). */
    private int decrementRegisters() {
        int count = 0;
        for (int i = 0; i < NUM_BYTES; i++) {
            int b = (registers[i] & 0xff) - 0x11;
            count += ((b & 0xf0) != 0 ? 1 : 0) + ((b & 0x0f) != 0 ? 1 : 0);
            registers[i] = (byte) b;
        }
        return count;
    }

    /** Folds {@code other} into this collector (the union of both sets); returns this. */
    public HyperLogLogCollector fold(HyperLogLogCollector other) {
        if (other == null) {
            return this;
        }
        touchedCount = -1; // folding sets registers without tracking them
        makeDense();
        if (registerOffset < other.registerOffset) {
            // fold into the one with the higher offset: this takes other's state, other becomes ours
            HyperLogLogCollector mine = copy();
            copyFrom(other);
            makeDense();
            other = mine;
        }
        int offsetDiff = registerOffset - other.registerOffset;
        int nonZero = numNonZero;
        byte[] theirs = other.registers;
        if (other.touched != null && other.touchedCount >= 0) {
            for (int k = 0; k < other.touchedCount; k++) {
                int i = other.touched[k];
                int b = theirs[i];
                if (b != 0) {
                    nonZero += merge(i, offsetDiff, b);
                }
            }
        } else {
            for (int i = 0; i < NUM_BYTES; i++) {
                int b = theirs[i];
                if (b != 0) {
                    nonZero += merge(i, offsetDiff, b);
                }
            }
        }
        if (nonZero == NUM_BUCKETS) {
            nonZero = decrementRegisters();
            registerOffset++;
        }
        numNonZero = nonZero;
        add(other.maxOverflowRegister, other.maxOverflowValue);
        return this;
    }

    /**
     * Writes this scratch collector's non-zero register bytes as {@code position << 8 | byte} into
     * {@code out} and returns how many; -1 when they are not all known or do not fit, or when the
     * register offset is not 0, in which case use {@link #fold} instead.
     */
    int touchedRegisters(int[] out) {
        if (touched == null || touchedCount < 0 || registerOffset != 0 || touchedCount > out.length) {
            return -1;
        }
        int n = 0;
        for (int k = 0; k < touchedCount; k++) {
            int position = touched[k];
            int b = registers[position] & 0xff;
            if (b != 0) {
                out[n++] = position << 8 | b;
            }
        }
        return n;
    }

    int maxOverflowValue() {
        return maxOverflowValue;
    }

    int maxOverflowRegister() {
        return maxOverflowRegister;
    }

    /**
     * Exactly {@code fold(c)} for a dense collector {@code c} at register offset 0 whose non-zero
     * register bytes are {@code entries[from .. to)} ({@code position << 8 | byte}) and whose overflow
     * register is ({@code overflowRegister}, {@code overflowValue}): how a compactly stored collector is
     * folded without building it.
     */
    void foldRegisters(int[] entries, int from, int to, int overflowValue, int overflowRegister) {
        touchedCount = -1;
        makeDense();
        int offsetDiff = registerOffset; // never negative, so no swap as in fold
        int nonZero = numNonZero;
        for (int k = from; k < to; k++) {
            int entry = entries[k];
            nonZero += merge(entry >>> 8, offsetDiff, entry & 0xff);
        }
        finishFold(nonZero, overflowValue, overflowRegister);
    }

    /** {@link #foldRegisters} of the one entry {@code entry} and no overflow register. */
    void foldRegister(int entry) {
        touchedCount = -1;
        makeDense();
        finishFold(numNonZero + merge(entry >>> 8, registerOffset, entry & 0xff), 0, 0);
    }

    private void finishFold(int nonZero, int overflowValue, int overflowRegister) {
        if (nonZero == NUM_BUCKETS) {
            nonZero = decrementRegisters();
            registerOffset++;
        }
        numNonZero = nonZero;
        add(overflowRegister, overflowValue);
    }

    private int merge(int position, int offsetDiff, int theirs) {
        int current = registers[position] & 0xff;
        int upper = current & 0xf0;
        int lower = current & 0x0f;
        int newUpper = Math.max(upper, (theirs & 0xf0) - (offsetDiff << 4));
        int newLower = Math.max(lower, (theirs & 0x0f) - offsetDiff);
        registers[position] = (byte) ((newUpper | newLower) & 0xff);
        return (upper == 0 && newUpper > 0 ? 1 : 0) + (lower == 0 && newLower > 0 ? 1 : 0);
    }

    /** Druid's estimate of the number of distinct values added. */
    public double estimateCardinality() {
        int overflowPosition = maxOverflowRegister >>> 1;
        boolean overflowUpper = (maxOverflowRegister & 1) == 0;
        double e = 0;
        int zeroCount;
        if (dense) {
            zeroCount = 0;
            for (int i = 0; i < NUM_BYTES; i++) {
                int b = registers[i] & 0xff;
                if (maxOverflowValue != 0 && i == overflowPosition) {
                    e += overflowSum(b, overflowUpper);
                    zeroCount += overflowZeros(b, overflowUpper);
                } else {
                    e += REGISTER_SUM[registerOffset][b];
                    zeroCount += ZERO_REGISTERS[b];
                }
            }
        } else {
            // Druid's sparse form compares the overflow bucket's byte with entry positions that
            // include the header, so the overflow register almost never counts here
            int entries = 0;
            zeroCount = 0;
            for (int i = 0; i < NUM_BYTES; i++) {
                int b = registers[i] & 0xff;
                if (b == 0) {
                    continue;
                }
                entries++;
                if (maxOverflowValue != 0 && i + HEADER_BYTES == overflowPosition) {
                    e += overflowSum(b, overflowUpper);
                    zeroCount += overflowZeros(b, overflowUpper);
                } else {
                    e += REGISTER_SUM[registerOffset][b];
                    zeroCount += ZERO_REGISTERS[b];
                }
            }
            int zeroBytes = NUM_BYTES - entries;
            zeroCount += 2 * zeroBytes;
            e += zeroBytes * REGISTER_SUM[registerOffset][0];
            int padding = Math.max(0, sparseEntries - entries);
            if (maxOverflowValue != 0 && overflowPosition == 0 && padding > 0) {
                // Druid's zero padding entries sit at position 0, so they can meet that test
                zeroCount += padding * (overflowZeros(0, overflowUpper) - 2);
            }
        }
        return applyCorrection(e, zeroCount);
    }

    /** The absolute value of the byte's upper register, raised to the overflow value if it is that register. */
    private int upperWithOverflow(int b, boolean overflowUpper) {
        int upper = (b >>> 4) + registerOffset;
        return overflowUpper ? Math.max(upper, maxOverflowValue) : upper;
    }

    private int lowerWithOverflow(int b, boolean overflowUpper) {
        int lower = (b & 0x0f) + registerOffset;
        return overflowUpper ? lower : Math.max(lower, maxOverflowValue);
    }

    private double overflowSum(int b, boolean overflowUpper) {
        return 1.0d / Math.pow(2, upperWithOverflow(b, overflowUpper))
                + 1.0d / Math.pow(2, lowerWithOverflow(b, overflowUpper));
    }

    /** Druid masks the offset-adjusted values here, not the stored nibbles: kept for exact estimates. */
    private int overflowZeros(int b, boolean overflowUpper) {
        return ((upperWithOverflow(b, overflowUpper) & 0xf0) == 0 ? 1 : 0)
                + ((lowerWithOverflow(b, overflowUpper) & 0x0f) == 0 ? 1 : 0);
    }

    private static double applyCorrection(double e, int zeroCount) {
        double estimate = CORRECTION_PARAMETER / e;
        if (estimate <= LOW_CORRECTION_THRESHOLD) {
            return zeroCount == 0 ? estimate : NUM_BUCKETS * Math.log(NUM_BUCKETS / (double) zeroCount);
        }
        if (estimate > HIGH_CORRECTION_THRESHOLD) {
            double ratio = estimate / TWO_TO_THE_SIXTY_FOUR;
            return ratio >= 1 ? Double.MAX_VALUE : -TWO_TO_THE_SIXTY_FOUR * Math.log(1 - ratio);
        }
        return estimate;
    }

    /** An independent copy. */
    public HyperLogLogCollector copy() {
        HyperLogLogCollector copy = new HyperLogLogCollector();
        copy.copyFrom(this);
        return copy;
    }

    private void copyFrom(HyperLogLogCollector other) {
        System.arraycopy(other.registers, 0, registers, 0, NUM_BYTES);
        registerOffset = other.registerOffset;
        numNonZero = other.numNonZero;
        maxOverflowValue = other.maxOverflowValue;
        maxOverflowRegister = other.maxOverflowRegister;
        dense = other.dense;
        sparseEntries = other.sparseEntries;
        denseVersion = other.denseVersion;
        touchedCount = -1;
    }

    /** Back to empty (and sparse), for reuse. */
    void reset() {
        if (touched != null && touchedCount >= 0) {
            for (int k = 0; k < touchedCount; k++) {
                registers[touched[k]] = 0;
            }
        } else {
            Arrays.fill(registers, (byte) 0);
        }
        touchedCount = 0;
        registerOffset = 0;
        numNonZero = 0;
        maxOverflowValue = 0;
        maxOverflowRegister = 0;
        dense = false;
        sparseEntries = 0;
        denseVersion = VERSION;
    }

    /**
     * Druid's serialized form (version 1): a 7-byte header (version, register offset, non-zero
     * register count, overflow value, overflow register), then either all 1024 register bytes or,
     * below 128 non-zero registers, (position, byte) entries for the non-zero bytes, padded with zero
     * entries to one per non-zero register, as Druid writes them.
     */
    public byte[] toByteArray() {
        if (numNonZero >= DENSE_THRESHOLD) {
            ByteBuffer out = header(HEADER_BYTES + NUM_BYTES, dense ? denseVersion : VERSION);
            out.put(registers);
            return out.array();
        }
        ByteBuffer out = header(HEADER_BYTES + 3 * numNonZero, VERSION);
        for (int i = 0; i < NUM_BYTES && out.hasRemaining(); i++) {
            if (registers[i] != 0) {
                out.putShort((short) (i + HEADER_BYTES));
                out.put(registers[i]);
            }
        }
        return out.array();
    }

    private ByteBuffer header(int size, byte version) {
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(version);
        out.put((byte) registerOffset);
        out.putShort((short) numNonZero);
        out.put((byte) maxOverflowValue);
        out.putShort((short) maxOverflowRegister);
        return out;
    }

    /** Reads Druid's serialized form (dense or sparse, version 1). */
    public static HyperLogLogCollector fromBytes(byte[] bytes) {
        boolean denseBytes = bytes.length == HEADER_BYTES + NUM_BYTES;
        if (bytes.length < HEADER_BYTES || (bytes[0] != VERSION && !(denseBytes && bytes[0] == 0))) {
            throw new IllegalArgumentException("not a version-1 HyperLogLog collector (" + bytes.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        HyperLogLogCollector c = new HyperLogLogCollector();
        c.registerOffset = in.get(1);
        c.numNonZero = in.getShort(2);
        c.maxOverflowValue = in.get(4);
        c.maxOverflowRegister = in.getShort(5);
        if (denseBytes) {
            System.arraycopy(bytes, HEADER_BYTES, c.registers, 0, NUM_BYTES);
            c.dense = true;
            c.denseVersion = bytes[0];
        } else {
            if ((bytes.length - HEADER_BYTES) % 3 != 0) {
                throw new IllegalArgumentException("a sparse HyperLogLog collector of " + bytes.length + " bytes");
            }
            c.sparseEntries = (bytes.length - HEADER_BYTES) / 3;
            for (int i = HEADER_BYTES; i < bytes.length; i += 3) {
                int position = (in.getShort(i) & 0xffff) - HEADER_BYTES;
                byte value = bytes[i + 2];
                if (value != 0) {
                    if (position < 0 || position >= NUM_BYTES) {
                        throw new IllegalArgumentException("a sparse HyperLogLog entry at " + (position + HEADER_BYTES));
                    }
                    c.registers[position] = value;
                }
            }
        }
        return c;
    }

    /**
     * Reads {@link #toByteArray} of a dense collector back into that collector. Every collector an
     * index row holds is dense (ingestion folds each event's collector into it) and writes sparse bytes
     * while it has few registers set; {@link #fromBytes} reads those, as Druid does, into a sparse
     * collector, which sums its estimate in another order, skips the overflow register, and folds into
     * a different dense version byte. This one gives the state the row had, so it answers alike.
     */
    static HyperLogLogCollector fromDenseCollectorBytes(byte[] bytes) {
        HyperLogLogCollector c = fromBytes(bytes);
        c.dense = true;
        c.sparseEntries = 0; // so denseVersion stays what the bytes said: VERSION for sparse bytes
        return c;
    }

    /** Reads the base64 text Druid sends collectors as. */
    public static HyperLogLogCollector fromBase64(String text) {
        return fromBytes(Base64.getDecoder().decode(text));
    }

    /** The JSON form: base64 of {@link #toByteArray()}, as Druid writes it. */
    @JsonValue
    public String toBase64() {
        return Base64.getEncoder().encodeToString(toByteArray());
    }

    @Override
    public String toString() {
        return "HyperLogLogCollector{estimate=" + estimateCardinality() + "}";
    }
}
