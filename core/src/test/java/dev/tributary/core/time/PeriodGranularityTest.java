package dev.tributary.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.Json;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Period granularities in a time zone and from an origin. The expected bucket starts and next starts
 * are what Apache Druid 37's PeriodGranularity returns for the same period, zone, origin and instant.
 */
class PeriodGranularityTest {

    @ParameterizedTest(name = "{0} of {1} starts at {2}, next at {3}")
    @CsvSource(delimiter = '|', textBlock = """
        # P1D in Los Angeles: local midnight; 23 hours on the day DST starts, 25 on the day it ends
        {"type":"period","period":"P1D","timeZone":"America/Los_Angeles"} | 2013-03-10T12:00:00Z | 2013-03-10T00:00:00-08:00 | 2013-03-11T00:00:00-07:00
        {"type":"period","period":"P1D","timeZone":"America/Los_Angeles"} | 2013-03-11T06:59:59.999Z | 2013-03-10T00:00:00-08:00 | 2013-03-11T00:00:00-07:00
        {"type":"period","period":"P1D","timeZone":"America/Los_Angeles"} | 2013-03-11T07:00:00Z | 2013-03-11T00:00:00-07:00 | 2013-03-12T00:00:00-07:00
        {"type":"period","period":"P1D","timeZone":"America/Los_Angeles"} | 2013-11-03T12:00:00Z | 2013-11-03T00:00:00-07:00 | 2013-11-04T00:00:00-08:00
        {"type":"period","period":"P1D","timeZone":"America/Los_Angeles"} | 2013-08-31T01:02:33Z | 2013-08-30T00:00:00-07:00 | 2013-08-31T00:00:00-07:00
        # Druid's documented example: P1D in Los Angeles from an origin at 20:30 local
        {"type":"period","period":"P1D","timeZone":"America/Los_Angeles","origin":"1970-01-01T20:30:00-08:00"} | 2013-08-31T01:02:33Z | 2013-08-29T20:30:00-07:00 | 2013-08-30T20:30:00-07:00
        {"type":"period","period":"P1D","timeZone":"America/Los_Angeles","origin":"1970-01-01T20:30:00-08:00"} | 2013-09-03T03:32:45Z | 2013-09-02T20:30:00-07:00 | 2013-09-03T20:30:00-07:00
        # P2D counts local days from 1970-01-01 in the zone
        {"type":"period","period":"P2D","timeZone":"America/Los_Angeles"} | 2013-03-11T12:00:00Z | 2013-03-10T00:00:00-08:00 | 2013-03-12T00:00:00-07:00
        # PT1H with an origin half past: every bucket starts half past, before the origin too
        {"type":"period","period":"PT1H","origin":"2013-01-01T00:30:00Z"} | 2013-08-31T01:02:33Z | 2013-08-31T00:30:00Z | 2013-08-31T01:30:00Z
        {"type":"period","period":"PT1H","origin":"2013-01-01T00:30:00Z"} | 2012-12-31T23:59:00Z | 2012-12-31T23:30:00Z | 2013-01-01T00:30:00Z
        # PT1H without origin floors to the local hour: half past in India, and two 01:00s when DST ends
        {"type":"period","period":"PT1H","timeZone":"Asia/Kolkata"} | 2013-08-31T01:02:33Z | 2013-08-31T06:00:00+05:30 | 2013-08-31T07:00:00+05:30
        {"type":"period","period":"PT1H","timeZone":"America/Los_Angeles"} | 2013-11-03T08:30:00Z | 2013-11-03T01:00:00-07:00 | 2013-11-03T01:00:00-08:00
        {"type":"period","period":"PT1H","timeZone":"America/Los_Angeles"} | 2013-11-03T09:30:00Z | 2013-11-03T01:00:00-08:00 | 2013-11-03T02:00:00-08:00
        # PT6H counts hours on the instant time line from 1970-01-01T00:00 local: 01:00 local in summer
        {"type":"period","period":"PT6H","timeZone":"America/Los_Angeles"} | 2013-03-11T12:00:00Z | 2013-03-11T01:00:00-07:00 | 2013-03-11T07:00:00-07:00
        {"type":"period","period":"PT6H","timeZone":"America/Los_Angeles"} | 2013-03-10T12:00:00Z | 2013-03-10T00:00:00-08:00 | 2013-03-10T07:00:00-07:00
        # P1M: the local 1st; from an origin on the 31st, Joda's month arithmetic clamps to the month's end
        {"type":"period","period":"P1M","timeZone":"America/Los_Angeles"} | 2013-03-15T00:00:00Z | 2013-03-01T00:00:00-08:00 | 2013-04-01T00:00:00-07:00
        {"type":"period","period":"P1M","origin":"2013-01-31T00:00:00Z"} | 2013-06-15T00:00:00Z | 2013-05-31T00:00:00Z | 2013-06-30T00:00:00Z
        {"type":"period","period":"P1M","origin":"2013-01-31T00:00:00Z"} | 2013-03-29T12:00:00Z | 2013-02-28T00:00:00Z | 2013-03-28T00:00:00Z
        {"type":"period","period":"P1M","origin":"2013-01-31T00:00:00Z"} | 2012-12-15T00:00:00Z | 2012-11-30T00:00:00Z | 2012-12-30T00:00:00Z
        {"type":"period","period":"P3M","timeZone":"Europe/Berlin"} | 2013-08-31T01:02:33Z | 2013-07-01T00:00:00+02:00 | 2013-10-01T00:00:00+02:00
        {"type":"period","period":"P1Y","timeZone":"Asia/Tokyo"} | 2013-08-31T01:02:33Z | 2013-01-01T00:00:00+09:00 | 2014-01-01T00:00:00+09:00
        # P1W: Monday in the zone, unless there is an origin; P7D and P2W count from 1970-01-01, a Thursday
        {"type":"period","period":"P1W","timeZone":"America/Los_Angeles"} | 2013-03-10T12:00:00Z | 2013-03-04T00:00:00-08:00 | 2013-03-11T00:00:00-07:00
        {"type":"period","period":"P1W","timeZone":"America/Los_Angeles"} | 2013-03-12T12:00:00Z | 2013-03-11T00:00:00-07:00 | 2013-03-18T00:00:00-07:00
        {"type":"period","period":"P1W","origin":"2013-08-29T00:00:00Z"} | 2013-09-01T00:00:00Z | 2013-08-29T00:00:00Z | 2013-09-05T00:00:00Z
        {"type":"period","period":"P7D"} | 2013-09-02T00:00:00Z | 2013-08-29T00:00:00Z | 2013-09-05T00:00:00Z
        {"type":"period","period":"P2W"} | 2013-09-01T00:00:00Z | 2013-08-29T00:00:00Z | 2013-09-12T00:00:00Z
        # several fields: stepped from the origin one period at a time, or by the fixed length
        {"type":"period","period":"P1M15D"} | 2013-08-31T01:02:33Z | 2013-07-19T00:00:00Z | 2013-09-03T00:00:00Z
        {"type":"period","period":"P1M15D","timeZone":"America/Los_Angeles"} | 2013-08-31T01:02:33Z | 2013-07-19T00:00:00-07:00 | 2013-09-03T00:00:00-07:00
        {"type":"period","period":"P1DT12H","timeZone":"America/Los_Angeles"} | 2013-03-11T01:02:33Z | 2013-03-10T00:00:00-08:00 | 2013-03-11T12:00:00-07:00
        {"type":"period","period":"PT1H30M","timeZone":"America/Los_Angeles"} | 2013-03-11T01:02:33Z | 2013-03-10T17:30:00-07:00 | 2013-03-10T19:00:00-07:00
        """)
    void shouldBucketAsDruidDoes(String json, String instant, String start, String next) throws Exception {
        Granularity granularity = Json.mapper().readValue(json, Granularity.class);
        long t = Instant.parse(instant).toEpochMilli();

        long bucketStart = granularity.bucketStart(t);

        assertThat(bucketStart).as("bucket start").isEqualTo(Instant.parse(start).toEpochMilli());
        assertThat(granularity.next(bucketStart)).as("next").isEqualTo(Instant.parse(next).toEpochMilli());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        {"type":"period","period":"P1D","timeZone":"America/Los_Angeles"}         | 0
        {"type":"period","period":"P1W","timeZone":"America/Los_Angeles"}         | 0
        {"type":"period","period":"P1D","timeZone":"+05:30"}                      | 86400000
        {"type":"period","period":"P1W2D"}                                        | 777600000
        {"type":"period","period":"P1M"}                                          | 0
        {"type":"period","period":"P1M","timeZone":"+05:30"}                      | 0
        {"type":"period","period":"PT6H","timeZone":"America/Los_Angeles"}        | 21600000
        {"type":"period","period":"PT1H30M","timeZone":"America/Los_Angeles"}     | 5400000
        {"type":"period","period":"PT1H","timeZone":"America/Los_Angeles","origin":"2013-01-01T00:30:00Z"} | 3600000
        {"type":"period","period":"PT1H","timeZone":"America/Los_Angeles"}        | 0
        {"type":"period","period":"PT1S","timeZone":"America/Los_Angeles"}        | 1000
        {"type":"period","period":"P1DT12H","timeZone":"America/Los_Angeles"}     | 0
        {"type":"period","period":"P1DT12H"}                                      | 129600000
        {"type":"duration","duration":7200000,"origin":"2012-01-01T00:30:00Z"}    | 7200000
        """)
    void shouldReportAFixedWidthOnlyWhenEveryBucketHasIt(String json, long width) throws Exception {
        assertThat(Json.mapper().readValue(json, Granularity.class).fixedWidthMillis()).isEqualTo(width);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"type\":\"period\",\"period\":\"P1D\",\"timeZone\":\"America/Los_Angeles\"}",
        "{\"type\":\"period\",\"period\":\"PT1H\",\"timeZone\":\"America/Los_Angeles\"}",
        "{\"type\":\"period\",\"period\":\"PT6H\",\"timeZone\":\"America/Los_Angeles\"}",
        "{\"type\":\"period\",\"period\":\"P1W\",\"timeZone\":\"Europe/London\"}",
        "{\"type\":\"period\",\"period\":\"P3M\",\"timeZone\":\"Australia/Sydney\",\"origin\":\"2013-02-15T12:00:00Z\"}",
        "{\"type\":\"period\",\"period\":\"P1M15D\",\"timeZone\":\"America/Los_Angeles\"}",
        "{\"type\":\"period\",\"period\":\"P1DT12H\",\"timeZone\":\"America/Los_Angeles\",\"origin\":\"1999-01-01T00:00:00Z\"}",
        "{\"type\":\"period\",\"period\":\"PT45M\",\"timeZone\":\"Asia/Kolkata\"}",
        "{\"type\":\"duration\",\"duration\":5400000,\"origin\":\"2012-01-01T00:20:00Z\"}",
        "\"week\"", "\"quarter\"", "\"six_hour\"",
    })
    void shouldPutEveryInstantInExactlyOneBucketAndStepFromBucketToBucket(String json) throws Exception {
        Granularity granularity = Json.mapper().readValue(json, Granularity.class);
        Random random = new Random(7);
        long from = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 2_000; i++) {
            long t = from + (long) (random.nextDouble() * (to - from));

            long start = granularity.bucketStart(t);
            long next = granularity.next(start);

            assertThat(start).as("start of %s", t).isLessThanOrEqualTo(t);
            assertThat(next).as("next of %s", t).isGreaterThan(t);
            assertThat(granularity.bucketStart(start)).as("start of start of %s", t).isEqualTo(start);
            assertThat(granularity.bucketStart(next)).as("start of next of %s", t).isEqualTo(next);
            assertThat(granularity.bucketStart(next - 1)).as("start of the end of %s", t).isEqualTo(start);
        }
    }

    @Test
    void shouldReckonInItsTimeZone() throws Exception {
        Granularity day = Json.mapper().readValue(
                "{\"type\":\"period\",\"period\":\"P1D\",\"timeZone\":\"America/Los_Angeles\"}", Granularity.class);

        assertThat(day.timeZone().getId()).isEqualTo("America/Los_Angeles");
        assertThat(DateTimes.print(day.bucketStart(Instant.parse("2013-08-31T01:02:33Z").toEpochMilli()), day.timeZone()))
                .isEqualTo("2013-08-30T00:00:00.000-07:00");
        assertThat(Granularity.DAY.timeZone().getId()).isEqualTo("Z");
    }
}
