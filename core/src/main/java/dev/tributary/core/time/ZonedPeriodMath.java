package dev.tributary.core.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * Time arithmetic in a time zone the way Druid's period granularities do it (Joda-Time's zoned ISO
 * chronology): years, months, weeks and days move along the local time line, so a day is 23 or 25
 * hours across a DST change; hours, minutes, seconds and milliseconds move along the instant time line.
 *
 * <p>A local time that does not exist (a DST gap) resolves to the instant after the gap; one that exists
 * twice (an overlap) resolves to the earlier instant, unless an offset to keep is given.
 */
final class ZonedPeriodMath {
    private ZonedPeriodMath() {
    }

    /** {@code t} plus {@code scalar} times {@code period}, field by field from years to milliseconds. */
    static long add(long t, IsoPeriod period, ZoneId zone, int scalar) {
        long result = t;
        result = addLocal(result, ChronoUnit.YEARS, (long) period.years() * scalar, zone);
        result = addLocal(result, ChronoUnit.MONTHS, (long) period.months() * scalar, zone);
        result = addLocal(result, ChronoUnit.WEEKS, (long) period.weeks() * scalar, zone);
        result = addLocal(result, ChronoUnit.DAYS, (long) period.days() * scalar, zone);
        return Math.addExact(result, Math.multiplyExact(period.timeMillis(), (long) scalar));
    }

    /** {@code t} plus {@code amount} date units on the local time line. */
    static long addLocal(long t, ChronoUnit unit, long amount, ZoneId zone) {
        if (amount == 0) {
            return t;
        }
        return resolve(local(t, zone).plus(amount, unit), zone);
    }

    /**
     * The start of the local {@code unit} holding {@code t}: midnight of January 1st for years, of the
     * 1st for months, of Monday for weeks, of the day for days; the local hour, minute, second otherwise.
     */
    static long floorLocal(long t, ChronoUnit unit, ZoneId zone) {
        ZonedDateTime at = Instant.ofEpochMilli(t).atZone(zone);
        LocalDateTime local = at.toLocalDateTime();
        LocalDateTime floor = switch (unit) {
            case YEARS -> local.toLocalDate().withDayOfYear(1).atStartOfDay();
            case MONTHS -> local.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case WEEKS -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case DAYS -> local.toLocalDate().atStartOfDay();
            default -> local.truncatedTo(unit);
        };
        // Joda keeps the offset of the instant being floored when the floor has two (an overlap).
        return ZonedDateTime.ofLocal(floor, zone, at.getOffset()).toInstant().toEpochMilli();
    }

    /**
     * The start of the bucket holding {@code t} among buckets of {@code count} local {@code unit}s
     * counted from {@code origin}. Like Druid: count whole units from the origin toward zero, round
     * down to a multiple of {@code count}, and take one bucket less when that start is after {@code t}.
     */
    static long alignLocal(long t, ChronoUnit unit, int count, long origin, ZoneId zone) {
        LocalDateTime from = local(origin, zone);
        long units = unit.between(from, local(t, zone));
        units -= units % count;
        long start = resolve(from.plus(units, unit), zone);
        // java.time counts Jan 31 -> Feb 28 as no whole month where Joda counts one; catch up.
        long next = resolve(from.plus(units + count, unit), zone);
        while (next <= t) {
            units += count;
            start = next;
            next = resolve(from.plus(units + count, unit), zone);
        }
        return t < start ? resolve(from.plus(units - count, unit), zone) : start;
    }

    /** The start of the bucket holding {@code t} among buckets of {@code width} ms from {@code origin}. */
    static long alignFixed(long t, long width, long origin) {
        return t - Math.floorMod(t - origin, width);
    }

    static LocalDateTime local(long t, ZoneId zone) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(t), zone);
    }

    static long resolve(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.ofLocal(local, zone, null).toInstant().toEpochMilli();
    }
}
