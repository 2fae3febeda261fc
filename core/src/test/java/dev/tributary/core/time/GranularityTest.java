package dev.tributary.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GranularityTest {

    @ParameterizedTest(name = "{0} of {1} starts at {2}, next at {3}")
    @CsvSource({
        // 2013-08-31 is a Saturday
        "MINUTE,  2013-08-31T01:02:33.123Z, 2013-08-31T01:02:00Z, 2013-08-31T01:03:00Z",
        "HOUR,    2013-08-31T01:02:33.123Z, 2013-08-31T01:00:00Z, 2013-08-31T02:00:00Z",
        "DAY,     2013-08-31T01:02:33.123Z, 2013-08-31T00:00:00Z, 2013-09-01T00:00:00Z",
        "WEEK,    2013-08-31T01:02:33.123Z, 2013-08-26T00:00:00Z, 2013-09-02T00:00:00Z",
        "WEEK,    2013-09-02T00:00:00Z,     2013-09-02T00:00:00Z, 2013-09-09T00:00:00Z",
        "WEEK,    2013-09-01T23:59:59.999Z, 2013-08-26T00:00:00Z, 2013-09-02T00:00:00Z",
        "MONTH,   2013-08-31T01:02:33.123Z, 2013-08-01T00:00:00Z, 2013-09-01T00:00:00Z",
        "MONTH,   2013-01-31T00:00:00Z,     2013-01-01T00:00:00Z, 2013-02-01T00:00:00Z",
        "QUARTER, 2013-08-31T01:02:33.123Z, 2013-07-01T00:00:00Z, 2013-10-01T00:00:00Z",
        "QUARTER, 2013-11-15T00:00:00Z,     2013-10-01T00:00:00Z, 2014-01-01T00:00:00Z",
        "QUARTER, 2013-03-31T23:59:59.999Z, 2013-01-01T00:00:00Z, 2013-04-01T00:00:00Z",
        "YEAR,    2013-08-31T01:02:33.123Z, 2013-01-01T00:00:00Z, 2014-01-01T00:00:00Z",
        "SECOND,  2013-08-31T01:02:33.123Z, 2013-08-31T01:02:33Z, 2013-08-31T01:02:34Z",
        "FIFTEEN_MINUTE, 2013-08-31T01:44:59.999Z, 2013-08-31T01:30:00Z, 2013-08-31T01:45:00Z",
        "SIX_HOUR, 2013-08-31T17:00:00Z,    2013-08-31T12:00:00Z, 2013-08-31T18:00:00Z",
        // before the epoch: buckets still start at or before the instant (floor, not truncation toward 0)
        "MINUTE,  1969-12-31T23:59:59.999Z, 1969-12-31T23:59:00Z, 1970-01-01T00:00:00Z",
        "HOUR,    1969-12-31T23:59:59.999Z, 1969-12-31T23:00:00Z, 1970-01-01T00:00:00Z",
        "HOUR,    1969-12-31T23:00:00Z,     1969-12-31T23:00:00Z, 1970-01-01T00:00:00Z",
        "DAY,     1969-12-31T23:59:59.999Z, 1969-12-31T00:00:00Z, 1970-01-01T00:00:00Z",
        "WEEK,    1969-12-31T23:59:59.999Z, 1969-12-29T00:00:00Z, 1970-01-05T00:00:00Z",
        "MONTH,   1969-12-31T23:59:59.999Z, 1969-12-01T00:00:00Z, 1970-01-01T00:00:00Z",
        "QUARTER, 1969-12-31T23:59:59.999Z, 1969-10-01T00:00:00Z, 1970-01-01T00:00:00Z",
        "YEAR,    1969-12-31T23:59:59.999Z, 1969-01-01T00:00:00Z, 1970-01-01T00:00:00Z",
        "YEAR,    1900-06-15T12:00:00Z,     1900-01-01T00:00:00Z, 1901-01-01T00:00:00Z",
    })
    void shouldBucketAnInstantAndStepToTheNextBucket(Granularity granularity, String instant, String start, String next) {
        long t = Instant.parse(instant).toEpochMilli();

        long bucketStart = granularity.bucketStart(t);

        assertThat(bucketStart).isEqualTo(Instant.parse(start).toEpochMilli());
        assertThat(granularity.next(bucketStart)).isEqualTo(Instant.parse(next).toEpochMilli());
        assertThat(granularity.bucket(t)).isEqualTo(new Interval(bucketStart, Instant.parse(next).toEpochMilli()));
    }

    @Test
    void shouldBucketNegativeEpochMillisExactly() {
        assertThat(Granularity.MINUTE.bucketStart(-1L)).isEqualTo(-60_000L);
        assertThat(Granularity.HOUR.bucketStart(-1L)).isEqualTo(-3_600_000L);
        assertThat(Granularity.DAY.bucketStart(-1L)).isEqualTo(-86_400_000L);
        assertThat(Granularity.WEEK.bucketStart(-1L)).isEqualTo(-3 * 86_400_000L);
        assertThat(Granularity.MONTH.bucketStart(-1L)).isEqualTo(-31 * 86_400_000L);
        assertThat(Granularity.QUARTER.bucketStart(-1L)).isEqualTo(-92 * 86_400_000L);
        assertThat(Granularity.YEAR.bucketStart(-1L)).isEqualTo(-365 * 86_400_000L);
        assertThat(Granularity.HOUR.bucketStart(-3_600_000L)).isEqualTo(-3_600_000L);
        assertThat(Granularity.HOUR.bucketStart(-3_600_001L)).isEqualTo(-7_200_000L);
    }

    @Test
    void shouldLeaveTimeAloneForNoneAndSpanEverythingForAll() {
        assertThat(Granularity.NONE.bucketStart(1_377_910_953_123L)).isEqualTo(1_377_910_953_123L);
        assertThat(Granularity.NONE.next(1_377_910_953_123L)).isEqualTo(1_377_910_953_124L);
        assertThat(Granularity.ALL.bucketStart(1_377_910_953_123L)).isEqualTo(Interval.ETERNITY.start());
        assertThat(Granularity.ALL.next(Interval.ETERNITY.start())).isEqualTo(Interval.ETERNITY.end());
    }

    @Test
    void shouldReadNamesCaseInsensitivelyAndDruidsObjectForm() throws Exception {
        assertThat(Granularity.fromJson("HOUR")).isEqualTo(Granularity.HOUR);
        assertThat(Granularity.fromJson("fifteen_minute")).isEqualTo(Granularity.FIFTEEN_MINUTE);
        assertThat(Granularity.fromJson(Map.of("type", "none"))).isEqualTo(Granularity.NONE);
        assertThat(Json.mapper().readValue("\"HOUR\"", Granularity.class)).isEqualTo(Granularity.HOUR);
        assertThat(Json.mapper().readValue("{\"type\": \"none\"}", Granularity.class)).isEqualTo(Granularity.NONE);
        assertThat(Json.mapper().writeValueAsString(Granularity.FIVE_MINUTE)).isEqualTo("\"five_minute\"");
    }

    @Test
    void shouldRefuseAnUnknownNameListingTheKnownOnes() {
        assertThatThrownBy(() -> Granularity.fromJson("fortnight"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown granularity 'fortnight'; expected one of [all, none, second, minute, five_minute, "
                        + "ten_minute, fifteen_minute, thirty_minute, hour, six_hour, eight_hour, day, week, month, quarter, year]");
    }

    @Test
    void shouldReadAUtcPeriodWithoutOriginAsTheSimpleGranularity() {
        assertThat(Granularity.fromJson(Map.of("type", "period", "period", "PT1H"))).isSameAs(Granularity.HOUR);
        assertThat(Granularity.fromJson(Map.of("type", "period", "period", "P1D", "timeZone", "UTC"))).isSameAs(Granularity.DAY);
    }

    @Test
    void shouldRefuseOtherFieldsOnASimpleGranularityObjectAndNonGranularities() {
        assertThatThrownBy(() -> Granularity.fromJson(Map.of("type", "hour", "timeZone", "Europe/Paris")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("granularity 'hour' takes no other fields, not [timeZone]; it is always UTC");
        assertThatThrownBy(() -> Granularity.fromJson(42))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a granularity is a name such as \"hour\" or {\"type\": \"hour\"}, not 42");
    }

    @Test
    void shouldReturnTheSimpleConstantForEveryFormOfASimpleGranularity() throws Exception {
        assertThat(Granularity.fromName(" Day ")).isSameAs(Granularity.DAY);
        assertThat(Granularity.fromJson(Map.of("type", "quarter"))).isSameAs(Granularity.QUARTER);
        assertThat(Json.mapper().readValue("{\"type\": \"period\", \"period\": \"P3M\", \"timeZone\": \"UTC\", "
                + "\"origin\": null}", Granularity.class)).isSameAs(Granularity.QUARTER);
        assertThat(Json.mapper().readValue("{\"type\": \"period\", \"period\": \"P1W\", \"timeZone\": \"Etc/UTC\"}",
                Granularity.class)).isSameAs(Granularity.WEEK);
        assertThat(Json.mapper().readValue("{\"type\": \"all\"}", Granularity.class)).isSameAs(Granularity.ALL);
    }

    @Test
    void shouldKeepAPeriodWithAnOriginApartFromTheSimpleGranularity() throws Exception {
        Granularity weekFromThursday = Json.mapper().readValue(
                "{\"type\": \"period\", \"period\": \"P1W\", \"origin\": \"1970-01-01T00:00:00Z\"}", Granularity.class);

        assertThat(weekFromThursday).isNotEqualTo(Granularity.WEEK);
        assertThat(weekFromThursday.isSimple()).isFalse();
        assertThat(weekFromThursday.bucketStart(Instant.parse("2013-09-02T00:00:00Z").toEpochMilli()))
                .isEqualTo(Instant.parse("2013-08-29T00:00:00Z").toEpochMilli());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "ALL, 0", "NONE, 1", "SECOND, 1000", "MINUTE, 60000", "FIVE_MINUTE, 300000", "TEN_MINUTE, 600000",
        "FIFTEEN_MINUTE, 900000", "THIRTY_MINUTE, 1800000", "HOUR, 3600000", "SIX_HOUR, 21600000",
        "EIGHT_HOUR, 28800000", "DAY, 86400000", "WEEK, 604800000", "MONTH, 0", "QUARTER, 0", "YEAR, 0",
    })
    void shouldReportTheFixedWidthOfEachSimpleGranularityInUtc(Granularity granularity, long width) {
        assertThat(granularity.fixedWidthMillis()).isEqualTo(width);
        assertThat(granularity.isSimple()).isTrue();
        assertThat(granularity.timeZone()).isEqualTo(ZoneOffset.UTC);
    }
}
