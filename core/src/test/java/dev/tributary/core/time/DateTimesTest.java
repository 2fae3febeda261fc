package dev.tributary.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimesTest {

    @Test
    void shouldPrintMillisecondsInUtcAsDruidDoes() {
        assertThat(DateTimes.print(1_377_910_953_000L)).isEqualTo("2013-08-31T01:02:33.000Z");
        assertThat(DateTimes.print(1_377_910_953_007L)).isEqualTo("2013-08-31T01:02:33.007Z");
        assertThat(DateTimes.print(0L)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(DateTimes.print(-1L)).isEqualTo("1969-12-31T23:59:59.999Z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2013,                           2013-01-01T00:00:00Z",
        "2013-08,                        2013-08-01T00:00:00Z",
        "2013-08-31,                     2013-08-31T00:00:00Z",
        "2013-08-31T01,                  2013-08-31T01:00:00Z",
        "2013-08-31T01:02,               2013-08-31T01:02:00Z",
        "2013-08-31T01:02:33,            2013-08-31T01:02:33Z",
        "2013-08-31T01:02:33.5,          2013-08-31T01:02:33.500Z",
        "2013-08-31T01:02:33.123456789Z, 2013-08-31T01:02:33.123Z",
        "2013-08-31 01:02:33,            2013-08-31T01:02:33Z",
        "2013-08-31t01:02:33z,           2013-08-31T01:02:33Z",
        "2013-08-31T03:02:33+02:00,      2013-08-31T01:02:33Z",
        "2013-08-31T03:02:33+0200,       2013-08-31T01:02:33Z",
        "2013-08-30T23:02:33-02,         2013-08-31T01:02:33Z",
        "2012-02-29,                     2012-02-29T00:00:00Z",
    })
    void shouldParseTheIsoFormsDruidAccepts(String text, String expected) {
        assertThat(DateTimes.parseIso(text)).isEqualTo(Instant.parse(expected).toEpochMilli());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "yesterday", "2013-13-01", "2013-02-29", "2013-02-30", "2013-04-31T00:00Z",
        "2013-01-01T24:00", "2013-01-01T00:60", "2013-01-01T00:00:60", "2013-08-31T01:02:33+25:00", "1377910953000",
        "2013-08-31Tnoon"})
    void shouldRefuseTextThatIsNotAnExistingInstant(String text) {
        assertThatThrownBy(() -> DateTimes.parseIso(text)).isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "2013-08-31T07:00:00Z,     America/Los_Angeles, 2013-08-31T00:00:00.000-07:00",
        "2013-03-10T08:00:00Z,     America/Los_Angeles, 2013-03-10T00:00:00.000-08:00",
        "2013-08-31T01:02:33.007Z, Asia/Kolkata,        2013-08-31T06:32:33.007+05:30",
        "2013-01-15T12:00:00Z,     Europe/London,       2013-01-15T12:00:00.000Z",
        "2013-07-15T12:00:00Z,     Europe/London,       2013-07-15T13:00:00.000+01:00",
        "2013-08-31T01:02:33Z,     UTC,                 2013-08-31T01:02:33.000Z",
    })
    void shouldPrintInATimeZoneAsDruidPrintsPeriodGranularityTimestamps(String instant, String zone, String expected) {
        assertThat(DateTimes.print(Instant.parse(instant).toEpochMilli(), java.time.ZoneId.of(zone))).isEqualTo(expected);
    }
}
