package dev.tributary.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.tributary.core.Json;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Druid's JSON forms of a granularity, written as Druid writes them and read back. */
class GranularityJsonTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        "hour"                                                                         | "hour"
        {"type": "period", "period": "P1D", "timeZone": "America/Los_Angeles"}          | {"type":"period","period":"P1D","timeZone":"America/Los_Angeles","origin":null}
        {"type": "period", "period": "pt1h", "origin": "2013-01-01T00:30"}              | {"type":"period","period":"PT1H","timeZone":"UTC","origin":"2013-01-01T00:30:00.000Z"}
        {"type": "period", "period": "PT0.75S", "timeZone": "+05:30"}                  | {"type":"period","period":"PT0.750S","timeZone":"+05:30","origin":null}
        {"type": "period", "period": "P1W2DT3H", "origin": 1356998400000}              | {"type":"period","period":"P1W2DT3H","timeZone":"UTC","origin":"2013-01-01T00:00:00.000Z"}
        {"type": "period", "period": "P1Y2M3W4DT5H6M7.008S", "timeZone": "Asia/Kolkata"} | {"type":"period","period":"P1Y2M3W4DT5H6M7.008S","timeZone":"Asia/Kolkata","origin":null}
        {"type": "duration", "duration": 3600000}                                      | {"type":"duration","duration":3600000,"origin":"1970-01-01T00:00:00.000Z"}
        {"type": "duration", "duration": 3600000, "origin": "2012-01-01T00:30:00Z"}     | {"type":"duration","duration":3600000,"origin":"1970-01-01T00:30:00.000Z"}
        {"type": "duration", "duration": "7200000", "origin": "1969-12-31T23:00:00Z"}   | {"type":"duration","duration":7200000,"origin":"1970-01-01T01:00:00.000Z"}
        """)
    void shouldWriteDruidsFormAndReadItBack(String json, String written) throws Exception {
        Granularity granularity = Json.mapper().readValue(json, Granularity.class);

        assertThat(Json.mapper().writeValueAsString(granularity)).isEqualTo(written);
        assertThat(Json.mapper().readValue(written, Granularity.class)).isEqualTo(granularity);
        assertThat(granularity.isSimple() ? "\"" + granularity.jsonName() + "\"" : granularity.jsonName()).isEqualTo(written);
    }

    @Test
    void shouldBuildTheSameGranularitiesInCode() {
        Granularity day = Granularity.period(IsoPeriod.parse("P1D"), ZoneId.of("America/Los_Angeles"), null);
        long origin = Instant.parse("2012-01-01T00:30:00Z").toEpochMilli();

        assertThat(day).isEqualTo(Granularity.fromJson(java.util.Map.of("type", "period", "period", "P1D",
                "timeZone", "America/Los_Angeles")));
        assertThat(day).hasSameHashCodeAs(Granularity.period(new IsoPeriod(0, 0, 0, 1, 0, 0, 0, 0),
                ZoneId.of("America/Los_Angeles"), null));
        assertThat(Granularity.period(IsoPeriod.parse("P1D"), ZoneId.of("UTC"), null)).isSameAs(Granularity.DAY);
        assertThat(Granularity.duration(3_600_000, origin)).isEqualTo(Granularity.duration(3_600_000, 1_800_000));
        assertThat(Granularity.duration(7_200_000, origin).bucketStart(Instant.parse("2013-09-02T23:32:45Z").toEpochMilli()))
                .isEqualTo(Instant.parse("2013-09-02T22:30:00Z").toEpochMilli());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        {"type": "period"}                                                  | a period granularity needs a "period" such as "P1D" or "PT1H"
        {"type": "period", "period": "1D"}                                  | '1D' is not an ISO-8601 period such as P1D, PT1H or P1M
        {"type": "period", "period": "P1DT"}                                | 'P1DT' is not an ISO-8601 period such as P1D, PT1H or P1M
        {"type": "period", "period": "PT-1H"}                               | 'PT-1H' is not an ISO-8601 period such as P1D, PT1H or P1M
        {"type": "period", "period": "PT0S"}                                | 'PT0S': a granularity period cannot be zero
        {"type": "period", "period": "P99999999999D"}                       | 'P99999999999D' has a field too large for a period
        {"type": "period", "period": "P1D", "timeZone": "Mars/Olympus"}     | unknown time zone 'Mars/Olympus'; use a name such as "America/Los_Angeles" or an offset such as "+05:30"
        {"type": "period", "period": "P1D", "timezone": "America/Los_Angeles"} | unknown field 'timezone' in a period granularity; expected [origin, period, timeZone, type]
        {"type": "period", "period": "P1D", "origin": "yesterday"}          | granularity origin 'yesterday' is not an ISO-8601 instant such as 2013-08-31T00:00:00Z
        {"type": "period", "period": "P1D", "origin": true}                 | granularity origin is ISO-8601 text or epoch milliseconds, not true
        {"type": "duration", "duration": 0}                                 | a duration granularity needs a duration of at least 1 millisecond, not 0
        {"type": "duration", "duration": 1.5}                               | a duration granularity needs a "duration" in milliseconds such as 3600000, not 1.5
        {"type": "duration", "duration": 60000, "period": "PT1M"}           | unknown field 'period' in a duration granularity; expected [duration, origin, type]
        {"type": "day", "timeZone": "America/Los_Angeles"}                  | granularity 'day' takes no other fields, not [timeZone]; it is always UTC; for a day in a time zone or from an origin write {"type": "period", "period": "P1D", "timeZone": ..., "origin": ...}
        {"type": "fortnight"}                                               | unknown granularity 'fortnight'; expected one of [all, none, second, minute, five_minute, ten_minute, fifteen_minute, thirty_minute, hour, six_hour, eight_hour, day, week, month, quarter, year]
        {"period": "P1D"}                                                   | a granularity object needs a "type": "period", "duration" or a simple granularity such as "hour"
        """)
    void shouldRefuseWhatDruidWouldNotBucketByNamingTheProblem(String json, String message) {
        assertThatThrownBy(() -> Json.mapper().readValue(json, Granularity.class))
                .isInstanceOf(ValueInstantiationException.class)
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
