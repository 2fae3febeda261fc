package dev.tributary.bench.workload;

import java.util.List;

/**
 * What both engines ingest: one Druid-shaped {@code dataSchema} (each engine reads it its own way) and
 * the events as JSON bytes, rendered once before anything is measured so both parse the same bytes.
 *
 * @param name a short label for reports
 * @param dataSchemaJson the {@code dataSchema} object in Druid's JSON form
 * @param events one JSON object per event, in arrival order
 */
public record Workload(String name, String dataSchemaJson, List<byte[]> events) {
    public Workload {
        events = List.copyOf(events);
    }

    /** The first {@code count} events (all of them if there are fewer). */
    public Workload first(int count) {
        return new Workload(name, dataSchemaJson, events.subList(0, Math.min(count, events.size())));
    }

    public long totalBytes() {
        long total = 0;
        for (byte[] event : events) {
            total += event.length;
        }
        return total;
    }
}
