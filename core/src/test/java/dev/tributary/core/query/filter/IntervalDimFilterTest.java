package dev.tributary.core.query.filter;

import static dev.tributary.core.query.filter.FilterFixture.index;
import static dev.tributary.core.query.filter.FilterFixture.matches;
import static dev.tributary.core.query.filter.FilterFixture.not;
import static dev.tributary.core.query.filter.FilterFixture.unknowns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.index.IncrementalIndex;
import org.junit.jupiter.api.Test;

class IntervalDimFilterTest {
    /**
     * Rows by time: 0 2014-10-01T00:00, 1 2014-10-06T23:59:59.999, 2 2014-10-07T00:00, 3 2014-11-15T12:00,
     * 4 2014-11-16T00:00. Row 0 also has n and s = 1412121600000 (2014-10-01), row 1 s = abc.
     */
    private static final IncrementalIndex INDEX = index("[\"s\", {\"type\": \"long\", \"name\": \"n\"}]",
            "{\"ts\": \"2014-10-01T00:00:00Z\", \"n\": 1412121600000, \"s\": \"1412121600000\"}",
            "{\"ts\": \"2014-10-06T23:59:59.999Z\", \"n\": 1412640000000, \"s\": \"abc\"}",
            "{\"ts\": \"2014-10-07T00:00:00Z\"}",
            "{\"ts\": \"2014-11-15T12:00:00Z\"}",
            "{\"ts\": \"2014-11-16T00:00:00Z\"}");

    private static String interval(String dimension, String intervalsJson) {
        return "{\"type\": \"interval\", \"dimension\": \"" + dimension + "\", \"intervals\": " + intervalsJson + "}";
    }

    @Test
    void shouldMatchRowTimesInAnyIntervalIncludingStartsAndExcludingEnds() {
        String filter = interval("__time", "[\"2014-10-01T00:00:00.000Z/2014-10-07T00:00:00.000Z\","
                + " \"2014-11-15T00:00:00.000Z/2014-11-16T00:00:00.000Z\"]");

        assertThat(matches(INDEX, filter)).containsExactly(0, 1, 3);
        assertThat(matches(INDEX, not(filter))).containsExactly(2, 4);
    }

    @Test
    void shouldMatchTheUnionOfOverlappingAndPeriodIntervals() {
        assertThat(matches(INDEX, interval("__time", "[\"2014-10-03/2014-10-08\", \"2014-10-01/2014-10-05\"]")))
                .containsExactly(0, 1, 2);
        assertThat(matches(INDEX, interval("__time", "[\"2014-11-15/P1D\"]"))).containsExactly(3);
    }

    @Test
    void shouldCompareLongDimensionsAsMillisecondsAndLeaveNullsUnknown() {
        assertThat(matches(INDEX, interval("n", "[\"2014-10-01/2014-10-07\"]"))).containsExactly(0);
        assertThat(unknowns(INDEX, interval("n", "[\"2014-10-01/2014-10-07\"]"))).containsExactly(2, 3, 4);
    }

    @Test
    void shouldCompareStringDimensionsHoldingMillisecondsNumerically() {
        assertThat(matches(INDEX, interval("s", "[\"2014-10-01/2014-10-07\"]"))).containsExactly(0);
        assertThat(matches(INDEX, not(interval("s", "[\"2014-10-01/2014-10-07\"]")))).containsExactly(1);
    }
}
