package dev.tributary.bench.rollup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Clickstream-like events with the shape of bench's kafka-like workload: an ISO timestamp, six string
 * dimensions and three numeric fields. {@code user} (10,000 values) is Zipf-distributed;
 * {@code country} (50), {@code device} (5) and {@code os} (8) are fixed per user; {@code page} (1,000)
 * and {@code referrer} (200) follow the user's session, changing with probability 0.2 an event. Event
 * times advance evenly through {@code spanMillis}, with up to 5 s of jitter either way.
 *
 * <p>Deterministic: the same arguments give byte-identical events.
 */
final class ClickstreamEvents {
    static final long START_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    /** The dataSchema of the events, with MINUTE rollup in hour segments. */
    static final String DATA_SCHEMA = """
            {
              "dataSource": "clicks",
              "timestampSpec": {"column": "timestamp", "format": "iso"},
              "dimensionsSpec": {"dimensions": ["country", "device", "os", "page", "referrer", "user"]},
              "metricsSpec": [
                {"type": "count", "name": "count"},
                {"type": "longSum", "name": "sumBytes", "fieldName": "bytes"},
                {"type": "longMax", "name": "maxLatencyMs", "fieldName": "latencyMs"},
                {"type": "doubleSum", "name": "sumPrice", "fieldName": "price"}
              ],
              "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "minute", "rollup": true}
            }""";

    private static final int USERS = 10_000;
    private static final long JITTER_MILLIS = 5_000;
    private static final double CHANGE_PAGE = 0.2;
    private static final JsonFactory JSON = new JsonFactory();

    private ClickstreamEvents() {
    }

    static List<byte[]> generate(int count, long spanMillis, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Zipf users = new Zipf(USERS, 1.0);
        Zipf pages = new Zipf(1000, 1.0);
        Zipf referrers = new Zipf(200, 1.1);
        Zipf countries = new Zipf(50, 1.1);
        Zipf devices = new Zipf(5, 0.8);
        Zipf systems = new Zipf(8, 1.0);
        int[][] attributes = new int[USERS][];
        for (int u = 0; u < USERS; u++) {
            attributes[u] = new int[] {countries.next(random), devices.next(random), systems.next(random)};
        }
        int[] page = new int[USERS];
        int[] referrer = new int[USERS];
        Arrays.fill(page, -1);

        List<byte[]> events = new ArrayList<>(count);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        for (int i = 0; i < count; i++) {
            long time = START_MILLIS + (long) ((double) i * spanMillis / count) + random.nextLong(-JITTER_MILLIS, JITTER_MILLIS + 1);
            time = Math.max(START_MILLIS, Math.min(START_MILLIS + spanMillis - 1, time));
            int user = users.next(random);
            if (page[user] < 0 || random.nextDouble() < CHANGE_PAGE) {
                page[user] = pages.next(random);
                referrer[user] = referrers.next(random);
            }
            buffer.reset();
            try (JsonGenerator json = JSON.createGenerator(buffer)) {
                json.writeStartObject();
                json.writeStringField("timestamp", Instant.ofEpochMilli(time).toString());
                json.writeStringField("country", "country-" + attributes[user][0]);
                json.writeStringField("device", "device-" + attributes[user][1]);
                json.writeStringField("os", "os-" + attributes[user][2]);
                json.writeStringField("page", "/page/" + page[user]);
                json.writeStringField("referrer", "referrer-" + referrer[user]);
                json.writeStringField("user", "user-" + user);
                json.writeNumberField("bytes", 200 + (long) (-Math.log(1 - random.nextDouble()) * 5_000));
                json.writeNumberField("latencyMs", 1 + (long) (-Math.log(1 - random.nextDouble()) * 120));
                json.writeNumberField("price", Math.round(random.nextDouble() * 50_000) / 100.0);
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            events.add(buffer.toByteArray());
        }
        return events;
    }

    /** Ranks {@code 0..n-1} drawn with probability proportional to {@code (rank + 1)^-exponent}. */
    private static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double exponent) {
            cumulative = new double[n];
            double total = 0;
            for (int rank = 0; rank < n; rank++) {
                total += Math.pow(rank + 1, -exponent);
                cumulative[rank] = total;
            }
            for (int rank = 0; rank < n; rank++) {
                cumulative[rank] /= total;
            }
        }

        int next(SplittableRandom random) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(at >= 0 ? at : -at - 1, cumulative.length - 1);
        }
    }
}
