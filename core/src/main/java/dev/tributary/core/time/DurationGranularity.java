package dev.tributary.core.time;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Druid's duration granularity: buckets a fixed number of milliseconds long, counted from an origin
 * (default 1970-01-01T00:00:00Z), in UTC.
 */
public final class DurationGranularity extends Granularity {
    private final long duration;
    private final long origin;

    DurationGranularity(long duration, long origin) {
        if (duration <= 0) {
            throw new IllegalArgumentException("a duration granularity needs a duration of at least 1 millisecond, not "
                    + duration);
        }
        this.duration = duration;
        // Only the phase matters; Druid keeps (and writes) the origin modulo the duration.
        this.origin = Math.floorMod(origin, duration);
    }

    /** The bucket width in milliseconds. */
    public long duration() {
        return duration;
    }

    /** The first bucket start at or after the epoch, in epoch milliseconds: the origin modulo the duration. */
    public long origin() {
        return origin;
    }

    @Override
    public long bucketStart(long t) {
        return ZonedPeriodMath.alignFixed(t, duration, origin);
    }

    @Override
    public long next(long bucketStart) {
        return bucketStart + duration;
    }

    @Override
    public long fixedWidthMillis() {
        return duration;
    }

    @Override
    public String jsonName() {
        return "{\"type\":\"duration\",\"duration\":" + duration + ",\"origin\":\"" + DateTimes.print(origin) + "\"}";
    }

    @Override
    public Object toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "duration");
        json.put("duration", duration);
        json.put("origin", DateTimes.print(origin));
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DurationGranularity other && duration == other.duration && origin == other.origin;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(duration) * 31 + Long.hashCode(origin);
    }
}
