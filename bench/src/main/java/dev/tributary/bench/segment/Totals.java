package dev.tributary.bench.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.bench.engine.PreparedQuery;
import dev.tributary.bench.workload.BenchQueries;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What {@link BenchQueries#TOTALS} says about one segment: its rows, and the events and sums rolled into
 * them. Events and sums add up across pieces; rows do not, since rows of different pieces may roll up.
 */
record Totals(long rows, long events, long bytes, double price) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double RELATIVE_TOLERANCE = 1e-9;

    static Totals of(LoadedSegment segment) {
        PreparedQuery totals = segment.prepare(BenchQueries.TOTALS.json());
        String json = totals.toJson(totals.run());
        try {
            JsonNode result = JSON.readTree(json).path(0).path("result");
            if (result.isMissingNode()) {
                throw new IllegalStateException("no totals in " + json);
            }
            return new Totals(result.path("rows").asLong(), result.path("events").asLong(), result.path("bytes").asLong(),
                    result.path("price").asDouble());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Totals plus(Totals other) {
        return new Totals(rows + other.rows, events + other.events, bytes + other.bytes, price + other.price);
    }

    /** Whether both hold the same events and sums (rows aside); the price sums to 1e-9 relative. */
    boolean sameSums(Totals other) {
        double scale = Math.max(1.0, Math.max(Math.abs(price), Math.abs(other.price)));
        return events == other.events && bytes == other.bytes && Math.abs(price - other.price) <= RELATIVE_TOLERANCE * scale;
    }
}
