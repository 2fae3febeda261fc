package dev.tributary.core.query.filter;

import static dev.tributary.core.query.filter.FilterFixture.index;
import static dev.tributary.core.query.filter.FilterFixture.matches;
import static dev.tributary.core.query.filter.FilterFixture.not;
import static dev.tributary.core.query.filter.FilterFixture.unknowns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.index.IncrementalIndex;
import org.junit.jupiter.api.Test;

class SelectorDimFilterTest {
    /** Rows: 0 a, 1 b, 2 null, 3 "", 4 [a, b], 5 [null, b], 6 [], 7 "10". */
    private static final IncrementalIndex STRINGS = index("[\"s\"]",
            "{\"s\": \"a\"}", "{\"s\": \"b\"}", "{}", "{\"s\": \"\"}",
            "{\"s\": [\"a\", \"b\"]}", "{\"s\": [null, \"b\"]}", "{\"s\": []}", "{\"s\": \"10\"}");

    /** Rows: 0 n=5 d=5.0 f=10.1, 1 all null, 2 n=7 d=1.5 f=-0.5, 3 n=-3 d=10.1 f=2. */
    private static final IncrementalIndex NUMBERS = index(
            "[{\"type\": \"long\", \"name\": \"n\"}, {\"type\": \"double\", \"name\": \"d\"},"
                    + " {\"type\": \"float\", \"name\": \"f\"}]",
            "{\"ts\": 1000, \"n\": 5, \"d\": 5.0, \"f\": 10.1}", "{\"ts\": 2000}",
            "{\"ts\": 3000, \"n\": 7, \"d\": 1.5, \"f\": -0.5}", "{\"ts\": 4000, \"n\": -3, \"d\": 10.1, \"f\": 2}");

    private static String selector(String dimension, String valueJson) {
        return "{\"type\": \"selector\", \"dimension\": \"" + dimension + "\", \"value\": " + valueJson + "}";
    }

    @Test
    void shouldMatchRowsHoldingTheValueIncludingMultiValueRowsHoldingItAmongOthers() {
        assertThat(matches(STRINGS, selector("s", "\"a\""))).containsExactly(0, 4);
        assertThat(matches(STRINGS, selector("s", "\"b\""))).containsExactly(1, 4, 5);
    }

    @Test
    void shouldMatchNullsEmptyListsAndListsHoldingNullWhenTheValueIsNullOrAbsent() {
        assertThat(matches(STRINGS, selector("s", "null"))).containsExactly(2, 5, 6);
        assertThat(matches(STRINGS, "{\"type\": \"selector\", \"dimension\": \"s\"}")).containsExactly(2, 5, 6);
    }

    @Test
    void shouldTellTheEmptyStringFromNull() {
        assertThat(matches(STRINGS, selector("s", "\"\""))).containsExactly(3);
        assertThat(matches(STRINGS, not(selector("s", "\"\"")))).containsExactly(0, 1, 4, 7);
    }

    @Test
    void shouldLeaveNullRowsUnknownSoThatNotMatchesNeitherThem() {
        assertThat(unknowns(STRINGS, selector("s", "\"a\""))).containsExactly(2, 5, 6);
        assertThat(matches(STRINGS, not(selector("s", "\"a\"")))).containsExactly(1, 3, 7);
    }

    @Test
    void shouldNotMatchAMultiValueRowUnderNotWhenOneOfItsValuesMatches() {
        assertThat(matches(STRINGS, not(selector("s", "\"b\"")))).containsExactly(0, 3, 7);
    }

    @Test
    void shouldMatchNonNullRowsUnderNotOfANullSelector() {
        assertThat(matches(STRINGS, not(selector("s", "null")))).containsExactly(0, 1, 3, 4, 7);
        assertThat(unknowns(STRINGS, selector("s", "null"))).isEmpty();
    }

    @Test
    void shouldCompareStringDimensionsHoldingNumbersAsText() {
        assertThat(matches(STRINGS, selector("s", "\"10\""))).containsExactly(7);
        assertThat(matches(STRINGS, selector("s", "10"))).containsExactly(7);
        assertThat(matches(STRINGS, selector("s", "\"10.0\""))).isEmpty();
    }

    @Test
    void shouldCompareLongColumnsNumericallyAcceptingWholeDecimals() {
        assertThat(matches(NUMBERS, selector("n", "\"5\""))).containsExactly(0);
        assertThat(matches(NUMBERS, selector("n", "\"5.0\""))).containsExactly(0);
        assertThat(matches(NUMBERS, selector("n", "5"))).containsExactly(0);
        assertThat(matches(NUMBERS, selector("n", "\"-3\""))).containsExactly(3);
        assertThat(matches(NUMBERS, selector("n", "\"5.5\""))).isEmpty();
    }

    @Test
    void shouldMatchNothingButKeepNullsUnknownWhenTheValueIsNoNumberOnANumericColumn() {
        assertThat(matches(NUMBERS, selector("n", "\"abc\""))).isEmpty();
        assertThat(unknowns(NUMBERS, selector("n", "\"abc\""))).containsExactly(1);
        assertThat(matches(NUMBERS, not(selector("n", "\"abc\"")))).containsExactly(0, 2, 3);
    }

    @Test
    void shouldMatchNumericNullsWithANullValue() {
        assertThat(matches(NUMBERS, selector("n", "null"))).containsExactly(1);
        assertThat(matches(NUMBERS, selector("d", "null"))).containsExactly(1);
        assertThat(matches(NUMBERS, not(selector("f", "null")))).containsExactly(0, 2, 3);
    }

    @Test
    void shouldCompareDoubleColumnsAsDoubles() {
        assertThat(matches(NUMBERS, selector("d", "\"5\""))).containsExactly(0);
        assertThat(matches(NUMBERS, selector("d", "\"5.0\""))).containsExactly(0);
        assertThat(matches(NUMBERS, selector("d", "\"1.50\""))).containsExactly(2);
        assertThat(matches(NUMBERS, selector("d", "\"10.1\""))).containsExactly(3);
    }

    @Test
    void shouldCompareFloatColumnsAsFloats() {
        assertThat(matches(NUMBERS, selector("f", "\"10.1\""))).containsExactly(0);
        assertThat(matches(NUMBERS, selector("f", "\"-0.5\""))).containsExactly(2);
        assertThat(matches(NUMBERS, selector("f", "\"2\""))).containsExactly(3);
    }

    @Test
    void shouldCompareTheTimeColumnAsMilliseconds() {
        assertThat(matches(NUMBERS, selector("__time", "\"3000\""))).containsExactly(2);
    }

    @Test
    void shouldTreatAnAbsentColumnAsAllNulls() {
        assertThat(matches(STRINGS, selector("missing", "\"a\""))).isEmpty();
        assertThat(matches(STRINGS, not(selector("missing", "\"a\"")))).isEmpty();
        assertThat(matches(STRINGS, selector("missing", "null"))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }
}
