package dev.tributary.bench.workload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Events shaped like a typical Kafka clickstream topic: an ISO timestamp, six string dimensions and
 * three numeric fields feeding count, longSum, longMax and doubleSum metrics.
 *
 * <ul>
 *   <li>{@code user} (10000 values) is Zipf-distributed: a few very active users, a long tail.</li>
 *   <li>{@code country} (50), {@code device} (5) and {@code os} (8) belong to the user: drawn once per
 *       user from skewed distributions, as a real user's location and device are fixed.</li>
 *   <li>{@code page} (1000) and {@code referrer} (200) follow the user's session: an event stays on the
 *       user's current page with probability {@link #STAY_ON_PAGE}, else the user moves to a new
 *       (Zipf-drawn) page and referrer.</li>
 *   <li>Timestamps advance through {@link #SPAN_MILLIS} with a few seconds of jitter, as events from
 *       many producers arrive roughly in time order.</li>
 * </ul>
 * With MINUTE rollup, 2.4 million events (10,000 a minute) make about a million rows, 2.3 events a
 * row; sparser streams roll up less (1.5 events a row at 600 a minute). Independent uniform dimensions
 * would give no rollup at all at these cardinalities.
 *
 * <p>Deterministic: the same seed and count give byte-identical events.
 */
public final class KafkaLikeWorkload {
    public static final String DATA_SOURCE = "events";
    /** Where the events' time starts: 2026-01-01T00:00:00Z. */
    public static final long START_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    /** Four hours: 240 MINUTE buckets. */
    public static final long SPAN_MILLIS = 4 * 3_600_000L;
    /** An interval that covers every event, for queries. */
    public static final String INTERVAL = "2026-01-01T00:00:00.000Z/2026-01-02T00:00:00.000Z";
    public static final long DEFAULT_SEED = 20260101L;

    private static final long JITTER_MILLIS = 5_000;
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();

    private static final double STAY_ON_PAGE = 0.8;
    private static final int USERS = 10_000;

    /** Dimension name, cardinality, Zipf exponent, value prefix. */
    private record Dimension(String name, int cardinality, double exponent, String prefix) {
        String[] values() {
            int width = String.valueOf(cardinality - 1).length();
            String[] values = new String[cardinality];
            for (int v = 0; v < cardinality; v++) {
                values[v] = prefix + String.format("%0" + width + "d", v);
            }
            return values;
        }
    }

    private static final Dimension COUNTRY = new Dimension("country", 50, 1.1, "country-");
    private static final Dimension DEVICE = new Dimension("device", 5, 0.8, "device-");
    private static final Dimension OS = new Dimension("os", 8, 1.0, "os-");
    private static final Dimension PAGE = new Dimension("page", 1000, 1.0, "/page/");
    private static final Dimension REFERRER = new Dimension("referrer", 200, 1.1, "referrer-");
    private static final Dimension USER = new Dimension("user", USERS, 1.0, "user-");

    public static final String DATA_SCHEMA = """
            {
              "dataSource": "events",
              "timestampSpec": {"column": "timestamp", "format": "iso"},
              "dimensionsSpec": {"dimensions": ["country", "device", "os", "page", "referrer", "user"]},
              "metricsSpec": [
                {"type": "count", "name": "count"},
                {"type": "longSum", "name": "sumBytes", "fieldName": "bytes"},
                {"type": "longMax", "name": "maxLatencyMs", "fieldName": "latencyMs"},
                {"type": "doubleSum", "name": "sumPrice", "fieldName": "price"}
              ],
              "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "minute", "rollup": true}
            }
            """;

    private KafkaLikeWorkload() {
    }

    public static Workload generate(int count) {
        return generate(count, DEFAULT_SEED);
    }

    public static Workload generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ZipfSampler users = sampler(USER);
        ZipfSampler pages = sampler(PAGE);
        ZipfSampler referrers = sampler(REFERRER);
        String[] userValues = USER.values();
        String[] pageValues = PAGE.values();
        String[] referrerValues = REFERRER.values();
        // A user's country, device and os: drawn once per user.
        String[][] userAttributes = new String[USERS][];
        String[] countries = COUNTRY.values();
        String[] devices = DEVICE.values();
        String[] systems = OS.values();
        ZipfSampler country = sampler(COUNTRY);
        ZipfSampler device = sampler(DEVICE);
        ZipfSampler os = sampler(OS);
        for (int u = 0; u < USERS; u++) {
            userAttributes[u] = new String[] {
                countries[country.next(random)], devices[device.next(random)], systems[os.next(random)]};
        }
        int[] currentPage = new int[USERS];
        int[] currentReferrer = new int[USERS];
        java.util.Arrays.fill(currentPage, -1);

        List<byte[]> events = new ArrayList<>(count);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        for (int i = 0; i < count; i++) {
            long time = START_MILLIS + (long) ((double) i * SPAN_MILLIS / count)
                    + random.nextLong(-JITTER_MILLIS, JITTER_MILLIS + 1);
            time = Math.max(START_MILLIS, Math.min(START_MILLIS + SPAN_MILLIS - 1, time));
            int user = users.next(random);
            if (currentPage[user] < 0 || random.nextDouble() >= STAY_ON_PAGE) {
                currentPage[user] = pages.next(random);
                currentReferrer[user] = referrers.next(random);
            }
            buffer.reset();
            try (JsonGenerator json = JSON.createGenerator(buffer)) {
                json.writeStartObject();
                json.writeStringField("timestamp", ISO_MILLIS.format(Instant.ofEpochMilli(time)));
                json.writeStringField(COUNTRY.name(), userAttributes[user][0]);
                json.writeStringField(DEVICE.name(), userAttributes[user][1]);
                json.writeStringField(OS.name(), userAttributes[user][2]);
                json.writeStringField(PAGE.name(), pageValues[currentPage[user]]);
                json.writeStringField(REFERRER.name(), referrerValues[currentReferrer[user]]);
                json.writeStringField(USER.name(), userValues[user]);
                json.writeNumberField("bytes", 200 + (long) (-Math.log(1 - random.nextDouble()) * 5_000));
                json.writeNumberField("latencyMs", 1 + (long) (-Math.log(1 - random.nextDouble()) * 120));
                json.writeNumberField("price", Math.round(random.nextDouble() * 50_000) / 100.0);
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            events.add(buffer.toByteArray());
        }
        return new Workload("kafka-like", DATA_SCHEMA, events);
    }

    private static ZipfSampler sampler(Dimension dimension) {
        return new ZipfSampler(dimension.cardinality(), dimension.exponent());
    }
}
