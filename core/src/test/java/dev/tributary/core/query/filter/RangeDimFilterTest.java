package dev.tributary.core.query.filter;

import static dev.tributary.core.query.filter.FilterFixture.index;
import static dev.tributary.core.query.filter.FilterFixture.matches;
import static dev.tributary.core.query.filter.FilterFixture.not;
import static dev.tributary.core.query.filter.FilterFixture.unknowns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.index.IncrementalIndex;
import org.junit.jupiter.api.Test;

class RangeDimFilterTest {
    /** Rows: 0 s=apple n=1 d=1.5; 1 s=banana n=2 d=2.0; 2 nulls; 3 s=[apple, cherry] n=3 d=3.5; 4 s="10" n=10; 5 s=abc. */
    private static final IncrementalIndex INDEX = index(
            "[\"s\", {\"type\": \"long\", \"name\": \"n\"}, {\"type\": \"double\", \"name\": \"d\"},"
                    + " {\"type\": \"float\", \"name\": \"f\"}]",
            "{\"s\": \"apple\", \"n\": 1, \"d\": 1.5, \"f\": 0.1}", "{\"s\": \"banana\", \"n\": 2, \"d\": 2.0}", "{}",
            "{\"s\": [\"apple\", \"cherry\"], \"n\": 3, \"d\": 3.5}", "{\"s\": \"10\", \"n\": 10}", "{\"s\": \"abc\"}");

    private static String range(String column, String type, String properties) {
        return "{\"type\": \"range\", \"column\": \"" + column + "\", \"matchValueType\": \"" + type + "\", "
                + properties + "}";
    }

    @Test
    void shouldMatchStringsBetweenClosedBoundsByUtf8Order() {
        assertThat(matches(INDEX, range("s", "STRING", "\"lower\": \"apple\", \"upper\": \"banana\"")))
                .containsExactly(0, 1, 3);
    }

    @Test
    void shouldExcludeOpenBounds() {
        assertThat(matches(INDEX, range("s", "STRING",
                "\"lower\": \"apple\", \"lowerOpen\": true, \"upper\": \"cherry\", \"upperOpen\": true")))
                .containsExactly(1);
    }

    @Test
    void shouldLeaveNullsUnknownEvenWithoutALowerBound() {
        assertThat(matches(INDEX, range("s", "STRING", "\"upper\": \"b\""))).containsExactly(0, 3, 4, 5);
        assertThat(unknowns(INDEX, range("s", "STRING", "\"upper\": \"b\""))).containsExactly(2);
        assertThat(matches(INDEX, not(range("s", "STRING", "\"upper\": \"b\"")))).containsExactly(1);
    }

    @Test
    void shouldCompareLongColumnsRoundingFractionalBoundsInward() {
        assertThat(matches(INDEX, range("n", "LONG", "\"lower\": 2, \"upper\": \"3\""))).containsExactly(1, 3);
        assertThat(matches(INDEX, range("n", "DOUBLE", "\"lower\": 1.1, \"upper\": 2.9"))).containsExactly(1);
        assertThat(matches(INDEX, range("n", "DOUBLE", "\"lower\": 1.1, \"lowerOpen\": true"))).containsExactly(1, 3, 4);
        assertThat(matches(INDEX, range("n", "DOUBLE", "\"upper\": 2.1, \"upperOpen\": true"))).containsExactly(0, 1);
    }

    @Test
    void shouldCompareDoubleAndFloatColumnsAsDoubles() {
        assertThat(matches(INDEX, range("d", "DOUBLE", "\"lower\": 1.5, \"lowerOpen\": true"))).containsExactly(1, 3);
        assertThat(matches(INDEX, range("d", "LONG", "\"lower\": 2, \"upper\": 3"))).containsExactly(1);
        assertThat(matches(INDEX, range("f", "DOUBLE", "\"upper\": 0.1"))).isEmpty();
        assertThat(matches(INDEX, range("f", "FLOAT", "\"upper\": 0.2"))).containsExactly(0);
    }

    @Test
    void shouldCompareStringColumnsInNumericOrderForANumericType() {
        assertThat(matches(INDEX, range("s", "LONG", "\"lower\": 5"))).containsExactly(4);
        assertThat(matches(INDEX, range("s", "LONG", "\"upper\": 5"))).containsExactly(0, 1, 3, 5);
    }

    @Test
    void shouldCompareNumbersAsTextForTheStringType() {
        assertThat(matches(INDEX, range("n", "STRING", "\"lower\": \"10\", \"upper\": \"2\""))).containsExactly(1, 4);
    }

    @Test
    void shouldLeaveNumericNullsUnknown() {
        assertThat(unknowns(INDEX, range("n", "LONG", "\"lower\": 0"))).containsExactly(2, 5);
        assertThat(matches(INDEX, not(range("n", "LONG", "\"lower\": 3")))).containsExactly(0, 1);
    }
}
