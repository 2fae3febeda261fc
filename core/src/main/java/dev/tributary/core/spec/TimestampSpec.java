package dev.tributary.core.spec;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Set;

/**
 * Where an event's time comes from: Druid's {@code timestampSpec}.
 *
 * @param column the input field holding the time (default {@code timestamp})
 * @param format {@code iso}, {@code millis}, {@code posix}, {@code micro}, {@code nano} or {@code auto}
 *               (numbers are milliseconds, text is ISO-8601); default {@code auto}
 * @param missingValue the time to use when the field is absent (ISO-8601), or null to reject such events
 */
public record TimestampSpec(
        @JsonProperty("column") String column,
        @JsonProperty("format") String format,
        @JsonProperty("missingValue") String missingValue) {
    public static final Set<String> FORMATS = Set.of("auto", "iso", "millis", "posix", "micro", "nano");

    public TimestampSpec {
        column = column == null ? "timestamp" : column;
        format = format == null ? "auto" : format.toLowerCase(Locale.ROOT);
        require(!column.isBlank(), "column", "must not be blank");
        require(FORMATS.contains(format), "format",
                "'" + format + "' is not supported; use one of " + new java.util.TreeSet<>(FORMATS));
        if (missingValue != null) {
            try {
                dev.tributary.core.time.DateTimes.parseIso(missingValue);
            } catch (RuntimeException e) {
                throw new SpecFieldException("missingValue", "'" + missingValue + "' is not an ISO-8601 time");
            }
        }
    }
}
