package dev.tributary.core.query.filter;

import static dev.tributary.core.query.filter.FilterFixture.index;
import static dev.tributary.core.query.filter.FilterFixture.matches;
import static dev.tributary.core.query.filter.FilterFixture.not;
import static dev.tributary.core.query.filter.FilterFixture.unknowns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.index.IncrementalIndex;
import org.junit.jupiter.api.Test;

class BoundDimFilterTest {
    /** Rows: 0 apple, 1 banana, 2 null, 3 "", 4 [apple, cherry], 5 "10", 6 "9", 7 abc, 8 "2.5". */
    private static final IncrementalIndex STRINGS = index("[\"s\"]",
            "{\"s\": \"apple\"}", "{\"s\": \"banana\"}", "{}", "{\"s\": \"\"}", "{\"s\": [\"apple\", \"cherry\"]}",
            "{\"s\": \"10\"}", "{\"s\": \"9\"}", "{\"s\": \"abc\"}", "{\"s\": \"2.5\"}");

    /** Rows: 0 n=1 d=1.5 f=0.1 t=1000; 1 n=5 d=-1.0 t=2000; 2 nulls t=3000; 3 n=10 d=10.0 t=4000; 4 n=-2 d=2.0. */
    private static final IncrementalIndex NUMBERS = index(
            "[{\"type\": \"long\", \"name\": \"n\"}, {\"type\": \"double\", \"name\": \"d\"},"
                    + " {\"type\": \"float\", \"name\": \"f\"}]",
            "{\"ts\": 1000, \"n\": 1, \"d\": 1.5, \"f\": 0.1}", "{\"ts\": 2000, \"n\": 5, \"d\": -1.0}",
            "{\"ts\": 3000}", "{\"ts\": 4000, \"n\": 10, \"d\": 10.0}", "{\"ts\": 5000, \"n\": -2, \"d\": 2.0}");

    private static String bound(String dimension, String properties) {
        return "{\"type\": \"bound\", \"dimension\": \"" + dimension + "\", " + properties + "}";
    }

    @Test
    void shouldMatchValuesBetweenInclusiveBoundsLexicographicallyByDefault() {
        assertThat(matches(STRINGS, bound("s", "\"lower\": \"apple\", \"upper\": \"banana\""))).containsExactly(0, 1, 4);
    }

    @Test
    void shouldExcludeTheBoundsWhenStrict() {
        assertThat(matches(STRINGS, bound("s",
                "\"lower\": \"apple\", \"lowerStrict\": true, \"upper\": \"banana\", \"upperStrict\": true"))).isEmpty();
        assertThat(matches(STRINGS, bound("s",
                "\"lower\": \"apple\", \"lowerStrict\": true, \"upper\": \"banana\""))).containsExactly(1);
    }

    @Test
    void shouldMatchNullsWhenThereIsNoLowerBoundAsDruidDocuments() {
        assertThat(matches(STRINGS, bound("s", "\"upper\": \"b\""))).containsExactly(0, 2, 3, 4, 5, 6, 7, 8);
        assertThat(matches(STRINGS, not(bound("s", "\"upper\": \"b\"")))).containsExactly(1);
    }

    @Test
    void shouldLeaveNullsUnknownWhenThereIsALowerBound() {
        assertThat(matches(STRINGS, bound("s", "\"lower\": \"b\""))).containsExactly(1, 4);
        assertThat(unknowns(STRINGS, bound("s", "\"lower\": \"b\""))).containsExactly(2);
        assertThat(matches(STRINGS, not(bound("s", "\"lower\": \"b\"")))).containsExactly(0, 3, 5, 6, 7, 8);
    }

    @Test
    void shouldTakeTheEmptyStringAsARealLowerBound() {
        assertThat(matches(STRINGS, bound("s", "\"lower\": \"\""))).containsExactly(0, 1, 3, 4, 5, 6, 7, 8);
        assertThat(matches(STRINGS, bound("s", "\"lower\": \"\", \"lowerStrict\": true")))
                .containsExactly(0, 1, 4, 5, 6, 7, 8);
    }

    @Test
    void shouldCompareStringsHoldingNumbersAsNumbersWithNumericOrdering() {
        assertThat(matches(STRINGS, bound("s", "\"lower\": \"3\", \"upper\": \"10\", \"ordering\": \"numeric\"")))
                .containsExactly(5, 6);
        assertThat(matches(STRINGS, bound("s", "\"lower\": \"2.5\", \"upper\": \"9.0\", \"ordering\": \"numeric\"")))
                .containsExactly(6, 8);
    }

    @Test
    void shouldSortTextThatIsNoNumberBelowEveryNumberWithNumericOrdering() {
        assertThat(matches(STRINGS, bound("s", "\"upper\": \"5\", \"ordering\": \"numeric\"")))
                .containsExactly(0, 1, 2, 3, 4, 7, 8);
        assertThat(matches(STRINGS, bound("s", "\"lower\": \"5\", \"ordering\": {\"type\": \"numeric\"}")))
                .containsExactly(5, 6);
    }

    @Test
    void shouldCompareLongColumnsNumericallyRoundingFractionalBoundsInward() {
        assertThat(matches(NUMBERS, bound("n", "\"lower\": \"1.5\", \"upper\": \"10\", \"upperStrict\": true,"
                + " \"ordering\": \"numeric\""))).containsExactly(1);
        assertThat(matches(NUMBERS, bound("n", "\"lower\": \"1.5\", \"lowerStrict\": true, \"ordering\": \"numeric\"")))
                .containsExactly(1, 3);
        assertThat(matches(NUMBERS, bound("n", "\"upper\": \"4.5\", \"ordering\": \"numeric\""))).containsExactly(0, 4);
        assertThat(matches(NUMBERS, bound("n", "\"upper\": \"4.5\", \"upperStrict\": true, \"ordering\": \"numeric\"")))
                .containsExactly(0, 4);
    }

    @Test
    void shouldIgnoreALowerBoundAndMatchNothingWithAnUpperBoundThatIsNoNumber() {
        assertThat(matches(NUMBERS, bound("n", "\"lower\": \"abc\", \"ordering\": \"numeric\""))).containsExactly(0, 1, 3, 4);
        assertThat(matches(NUMBERS, bound("n", "\"upper\": \"abc\", \"ordering\": \"numeric\""))).isEmpty();
        assertThat(matches(NUMBERS, bound("d", "\"upper\": \"abc\", \"ordering\": \"numeric\""))).isEmpty();
    }

    @Test
    void shouldLeaveNumericNullsUnknownEvenWithoutALowerBound() {
        assertThat(matches(NUMBERS, bound("n", "\"upper\": \"100\", \"ordering\": \"numeric\""))).containsExactly(0, 1, 3, 4);
        assertThat(unknowns(NUMBERS, bound("n", "\"upper\": \"100\", \"ordering\": \"numeric\""))).containsExactly(2);
        assertThat(matches(NUMBERS, not(bound("n", "\"upper\": \"1\", \"ordering\": \"numeric\"")))).containsExactly(1, 3);
    }

    @Test
    void shouldCompareTheTextOfNumbersWithLexicographicOrdering() {
        assertThat(matches(NUMBERS, bound("n", "\"lower\": \"10\", \"upper\": \"5\""))).containsExactly(1, 3);
    }

    @Test
    void shouldCompareDoubleColumnsAsDoubles() {
        assertThat(matches(NUMBERS, bound("d", "\"lower\": \"1.5\", \"lowerStrict\": true, \"ordering\": \"numeric\"")))
                .containsExactly(3, 4);
        assertThat(matches(NUMBERS, bound("d", "\"lower\": \"-1\", \"upper\": \"1.5\", \"ordering\": \"numeric\"")))
                .containsExactly(0, 1);
    }

    @Test
    void shouldParseBoundsAsFloatsOnFloatColumns() {
        assertThat(matches(NUMBERS, bound("f", "\"lower\": \"0.1\", \"upper\": \"0.1\", \"ordering\": \"numeric\"")))
                .containsExactly(0);
    }

    @Test
    void shouldCompareTheTimeColumnAsMilliseconds() {
        assertThat(matches(NUMBERS, bound("__time", "\"lower\": \"2000\", \"upper\": \"4000\", \"upperStrict\": true,"
                + " \"ordering\": \"numeric\""))).containsExactly(1, 2);
    }

    @Test
    void shouldCompareDigitRunsAsNumbersWithAlphanumericOrdering() {
        IncrementalIndex files = index("[\"v\"]", "{\"v\": \"file2\"}", "{\"v\": \"file12\"}", "{\"v\": \"file10b\"}");

        assertThat(matches(files, bound("v", "\"lower\": \"file3\", \"ordering\": \"alphanumeric\""))).containsExactly(1, 2);
        assertThat(matches(files, bound("v", "\"lower\": \"file3\", \"alphaNumeric\": true"))).containsExactly(1, 2);
        assertThat(matches(files, bound("v", "\"lower\": \"file3\""))).isEmpty();
    }

    @Test
    void shouldCompareLengthsThenTextWithStrlenOrdering() {
        IncrementalIndex words = index("[\"v\"]",
                "{\"v\": \"b\"}", "{\"v\": \"zz\"}", "{\"v\": \"aaa\"}", "{\"v\": \"abc\"}", "{\"v\": \"aaaa\"}");

        assertThat(matches(words, bound("v", "\"lower\": \"aa\", \"upper\": \"aaa\", \"ordering\": \"strlen\"")))
                .containsExactly(1, 2);
    }
}
