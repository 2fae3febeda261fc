package dev.tributary.core.time;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads Druid's object forms of a granularity: {@code {"type": "period", "period", "timeZone", "origin"}},
 * {@code {"type": "duration", "duration", "origin"}}, and {@code {"type": "<simple name>"}}. Unknown
 * fields are refused, unlike Druid, which ignores them: a misspelt {@code timezone} would otherwise
 * silently bucket in UTC.
 */
final class GranularityJson {
    private static final Set<String> PERIOD_FIELDS = Set.of("type", "period", "timeZone", "origin");
    private static final Set<String> DURATION_FIELDS = Set.of("type", "duration", "origin");

    private GranularityJson() {
    }

    static Granularity fromObject(Map<?, ?> json) {
        if (!(json.get("type") instanceof String type)) {
            throw new IllegalArgumentException("a granularity object needs a \"type\": \"period\", \"duration\" "
                    + "or a simple granularity such as \"hour\"");
        }
        return switch (type) {
            case "period" -> period(json);
            case "duration" -> duration(json);
            default -> simple(type, json);
        };
    }

    private static Granularity period(Map<?, ?> json) {
        requireOnly(json, PERIOD_FIELDS, "period");
        if (!(json.get("period") instanceof String text)) {
            throw new IllegalArgumentException("a period granularity needs a \"period\" such as \"P1D\" or \"PT1H\"");
        }
        IsoPeriod period = IsoPeriod.parse(text);
        Object zoneJson = json.get("timeZone");
        ZoneId zone;
        if (zoneJson == null) {
            zone = null;
        } else if (zoneJson instanceof String id) {
            zone = zone(id);
        } else {
            throw new IllegalArgumentException("a granularity timeZone is a name such as \"America/Los_Angeles\" "
                    + "or an offset such as \"+05:30\", not " + zoneJson);
        }
        return Granularity.period(period, zone, origin(json.get("origin")));
    }

    private static Granularity duration(Map<?, ?> json) {
        requireOnly(json, DURATION_FIELDS, "duration");
        Long duration = wholeNumber(json.get("duration"));
        if (duration == null) {
            throw new IllegalArgumentException("a duration granularity needs a \"duration\" in milliseconds such as "
                    + "3600000, not " + json.get("duration"));
        }
        Long origin = origin(json.get("origin"));
        return Granularity.duration(duration, origin == null ? 0 : origin);
    }

    private static Granularity simple(String type, Map<?, ?> json) {
        Granularity granularity = Granularity.fromName(type);
        if (json.size() == 1) {
            return granularity;
        }
        Set<String> extra = new TreeSet<>();
        json.keySet().forEach(k -> extra.add(String.valueOf(k)));
        extra.remove("type");
        String hint = granularity instanceof PeriodGranularity p
                ? "; for a " + type + " in a time zone or from an origin write {\"type\": \"period\", \"period\": \""
                        + p.period() + "\", \"timeZone\": ..., \"origin\": ...}"
                : "";
        throw new IllegalArgumentException("granularity '" + type + "' takes no other fields, not " + extra
                + "; it is always UTC" + hint);
    }

    private static void requireOnly(Map<?, ?> json, Set<String> known, String type) {
        for (Object key : json.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("unknown field '" + key + "' in a " + type + " granularity; expected "
                        + new TreeSet<>(known));
            }
        }
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + id + "'; use a name such as "
                    + "\"America/Los_Angeles\" or an offset such as \"+05:30\"", e);
        }
    }

    /** An origin is ISO-8601 text (UTC unless it has an offset) or epoch milliseconds; null when absent. */
    private static Long origin(Object json) {
        if (json == null) {
            return null;
        }
        if (json instanceof String text) {
            try {
                return DateTimes.parseIso(text.trim());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("granularity origin '" + text + "' is not an ISO-8601 instant "
                        + "such as 2013-08-31T00:00:00Z", e);
            }
        }
        Long millis = wholeNumber(json);
        if (millis == null) {
            throw new IllegalArgumentException("granularity origin is ISO-8601 text or epoch milliseconds, not " + json);
        }
        return millis;
    }

    /** A JSON integer (or digits in a string) that fits a long; null for anything else. */
    private static Long wholeNumber(Object json) {
        if (json instanceof Integer || json instanceof Long || json instanceof Short || json instanceof Byte) {
            return ((Number) json).longValue();
        }
        if (json instanceof BigInteger big) {
            return big.bitLength() < 64 ? big.longValue() : null;
        }
        if (json instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
