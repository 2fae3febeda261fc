package dev.tributary.core.time;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Druid's period granularity: buckets one ISO period long, reckoned in a time zone and counted from an
 * origin (default 1970-01-01T00:00 in that zone). The simple granularities from {@code second} to
 * {@code year} are period granularities in UTC without origin.
 *
 * <p>Bucket starts follow Druid's rules. A period of one field and no origin floors to that local unit:
 * {@code P1D} to local midnight, {@code P1W} to Monday, {@code P1M} to the 1st, {@code PT1H} to the local
 * hour. A period of one field counted more than once ({@code P2D}, {@code PT6H}) or with an origin is
 * aligned to the origin: along the local time line for years, months, weeks and days, along the instant
 * time line for hours and finer. A period of several fields ({@code PT1H30M}, {@code P1M15D}) is aligned to
 * the origin by stepping one period at a time, or by its fixed length where it has one.
 */
public final class PeriodGranularity extends Granularity {
    // Only compile-time constants here: Granularity's constants are built while this class may still be
    // initializing, before any other static field of it is set.
    private static final int WAYPOINT_STEPS = 64;
    private static final int MAX_WAYPOINTS = 16_384;

    private final String simpleName;
    private final IsoPeriod period;
    private final ZoneId zone;
    private final Long origin;
    private final long originMillis;
    /** For a period of one field: that field's unit and count; null for a compound period. */
    private final ChronoUnit unit;
    private final int count;
    private final long fixedWidth;
    /** When {@link #fixedWidth} is positive, one bucket start; every other is a multiple of the width away. */
    private final long anchor;
    /**
     * For a compound period without a fixed length: every 64th bucket start reached by stepping forward
     * from the origin, so a later instant steps from the nearest one instead of from the origin. Stepping
     * is exact where multiplying a period is not (Jan 31 plus one month twice is Mar 28, not Mar 31).
     */
    private final ConcurrentSkipListSet<Long> waypoints;

    PeriodGranularity(String simpleName, IsoPeriod period, ZoneId zone, Long origin) {
        this.simpleName = simpleName;
        this.period = Objects.requireNonNull(period, "period");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.origin = origin;
        this.originMillis = origin != null ? origin
                : ZonedPeriodMath.resolve(LocalDateTime.of(1970, 1, 1, 0, 0), zone);
        ChronoUnit[] units = {ChronoUnit.YEARS, ChronoUnit.MONTHS, ChronoUnit.WEEKS, ChronoUnit.DAYS,
            ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS, ChronoUnit.MILLIS};
        int[] fields = {period.years(), period.months(), period.weeks(), period.days(), period.hours(),
            period.minutes(), period.seconds(), period.millis()};
        int first = 0;
        while (fields[first] == 0) {
            first++;
        }
        boolean single = period.fieldCount() == 1;
        this.unit = single ? units[first] : null;
        this.count = single ? fields[first] : 0;
        this.fixedWidth = fixedWidth();
        this.anchor = fixedWidth > 0 ? truncate(originMillis) : 0;
        this.waypoints = unit == null && fixedWidth == 0 ? new ConcurrentSkipListSet<>(List.of(originMillis)) : null;
    }

    /**
     * Buckets have one width when no field varies in length: no years or months, and either a zone whose
     * offset never changes, or only time fields counted on the instant time line. A lone {@code PT1H} or
     * {@code PT1M} without origin floors to the local hour or minute, which a change of offset by a
     * fraction of an hour can shift, so those count as varying outside fixed-offset zones.
     */
    private long fixedWidth() {
        if (period.hasCalendarFields()) {
            return 0;
        }
        if (zone.getRules().isFixedOffset()) {
            return period.standardMillis();
        }
        if (!period.isTimeOnly()) {
            return 0;
        }
        boolean instantLine = unit == null || count > 1 || origin != null
                || unit == ChronoUnit.SECONDS || unit == ChronoUnit.MILLIS;
        return instantLine ? period.standardMillis() : 0;
    }

    public IsoPeriod period() {
        return period;
    }

    @Override
    public ZoneId timeZone() {
        return zone;
    }

    /** The origin in epoch milliseconds, or null when it is the default (1970-01-01T00:00 in the zone). */
    public Long origin() {
        return origin;
    }

    @Override
    public long bucketStart(long t) {
        return fixedWidth > 0 ? ZonedPeriodMath.alignFixed(t, fixedWidth, anchor) : truncate(t);
    }

    @Override
    public long next(long bucketStart) {
        return fixedWidth > 0 ? bucketStart + fixedWidth : ZonedPeriodMath.add(bucketStart, period, zone, 1);
    }

    private long truncate(long t) {
        if (unit == null) {
            return fixedWidth > 0 ? ZonedPeriodMath.alignFixed(t, fixedWidth, originMillis) : step(t);
        }
        boolean aligned = count > 1 || origin != null;
        if (unit.isTimeBased() && aligned) {
            return ZonedPeriodMath.alignFixed(t, period.standardMillis(), originMillis);
        }
        if (aligned) {
            return ZonedPeriodMath.alignLocal(t, unit, count, originMillis, zone);
        }
        return unit == ChronoUnit.MILLIS ? t : ZonedPeriodMath.floorLocal(t, unit, zone);
    }

    /** Steps one period at a time from the origin, forward or backward, as Druid does. */
    private long step(long t) {
        if (t < originMillis) {
            long current = originMillis;
            do {
                current = ZonedPeriodMath.add(current, period, zone, -1);
            } while (t < current);
            return current;
        }
        long current;
        long next = waypoints.floor(t);
        int steps = 0;
        do {
            current = next;
            next = ZonedPeriodMath.add(current, period, zone, 1);
            if (++steps % WAYPOINT_STEPS == 0 && next <= t && waypoints.size() < MAX_WAYPOINTS) {
                waypoints.add(next);
            }
        } while (t >= next);
        return current;
    }

    @Override
    public long fixedWidthMillis() {
        return fixedWidth;
    }

    @Override
    public boolean isSimple() {
        return simpleName != null;
    }

    @Override
    public String jsonName() {
        if (simpleName != null) {
            return simpleName;
        }
        return "{\"type\":\"period\",\"period\":\"" + period + "\",\"timeZone\":\"" + zoneName() + "\",\"origin\":"
                + (origin == null ? "null" : "\"" + DateTimes.print(origin) + "\"") + "}";
    }

    /** As Druid writes it: {@code {"type":"period","period":"P1D","timeZone":"UTC","origin":null}}. */
    @Override
    public Object toJson() {
        if (simpleName != null) {
            return simpleName;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "period");
        json.put("period", period.toString());
        json.put("timeZone", zoneName());
        json.put("origin", origin == null ? null : DateTimes.print(origin));
        return json;
    }

    private String zoneName() {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodGranularity other && period.equals(other.period) && zone.equals(other.zone)
                && Objects.equals(origin, other.origin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, zone, origin);
    }
}
