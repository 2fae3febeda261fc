package dev.tributary.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntervalTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2013-08-31/2013-09-02,                               2013-08-31T00:00:00Z, 2013-09-02T00:00:00Z",
        "2013-08-31T00:00/2013-09-01T00:00,                   2013-08-31T00:00:00Z, 2013-09-01T00:00:00Z",
        "2013-01-01T00:00:00.000Z/P1D,                        2013-01-01T00:00:00Z, 2013-01-02T00:00:00Z",
        "PT1H/2013-01-01T01:00Z,                              2013-01-01T00:00:00Z, 2013-01-01T01:00:00Z",
        "2013-01-01T01:00+01:00/2013-01-01T03:30+01:00,       2013-01-01T00:00:00Z, 2013-01-01T02:30:00Z",
        "2013-01-31/P1M,                                      2013-01-31T00:00:00Z, 2013-02-28T00:00:00Z",
        "2013-01-01/P1DT2H30M,                                2013-01-01T00:00:00Z, 2013-01-02T02:30:00Z",
        "P1D/2013-03-01,                                      2013-02-28T00:00:00Z, 2013-03-01T00:00:00Z",
        "2013-01-01/2013-01-01,                               2013-01-01T00:00:00Z, 2013-01-01T00:00:00Z",
    })
    void shouldParseIsoIntervals(String text, String start, String end) {
        Interval interval = Interval.parse(text);

        assertThat(interval).isEqualTo(new Interval(Instant.parse(start).toEpochMilli(), Instant.parse(end).toEpochMilli()));
    }

    @Test
    void shouldRefuseTextThatIsNotAnIntervalNamingIt() {
        assertThatThrownBy(() -> Interval.parse("nonsense"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'nonsense' is not an ISO-8601 interval such as 2013-08-31/2013-09-01");
        assertThatThrownBy(() -> Interval.parse("2013-01-01/tomorrow"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'2013-01-01/tomorrow' is not an ISO-8601 interval: ");
        assertThatThrownBy(() -> Interval.parse("P1D/P2D"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'P1D/P2D' has a period on both sides");
        assertThatThrownBy(() -> Interval.parse("2013-01-02/2013-01-01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval end 2013-01-01T00:00:00.000Z is before its start 2013-01-02T00:00:00.000Z");
    }

    @Test
    void shouldBeHalfOpen() {
        Interval interval = Interval.parse("2013-01-01/2013-01-02");

        assertThat(interval.contains(interval.start())).isTrue();
        assertThat(interval.contains(interval.end() - 1)).isTrue();
        assertThat(interval.contains(interval.end())).isFalse();
        assertThat(interval.contains(interval.start() - 1)).isFalse();
        assertThat(interval.overlaps(Interval.parse("2013-01-02/2013-01-03"))).isFalse();
        assertThat(interval.overlaps(Interval.parse("2012-12-31T23:00/2013-01-01T00:00:00.001"))).isTrue();
    }

    @Test
    void shouldPrintAndWriteAsDruidDoes() throws Exception {
        Interval interval = Interval.parse("2013-08-31/P2D");

        assertThat(interval.toString()).isEqualTo("2013-08-31T00:00:00.000Z/2013-09-02T00:00:00.000Z");
        assertThat(Json.mapper().writeValueAsString(interval)).isEqualTo("\"2013-08-31T00:00:00.000Z/2013-09-02T00:00:00.000Z\"");
        assertThat(Json.mapper().readValue("\"2013-08-31/P2D\"", Interval.class)).isEqualTo(interval);
    }
}
