package dev.tributary.core.query.filter;

import static dev.tributary.core.query.filter.FilterFixture.index;
import static dev.tributary.core.query.filter.FilterFixture.matches;
import static dev.tributary.core.query.filter.FilterFixture.not;
import static dev.tributary.core.query.filter.FilterFixture.unknowns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.index.IncrementalIndex;
import org.junit.jupiter.api.Test;

class EqualityDimFilterTest {
    /**
     * Rows: 0 s=a n=5 d=5.0 f=10.1; 1 all null; 2 s=[a, b] n=7 d=5.5 f=2; 3 s="5" n=-3 d=-3.0;
     * 4 s="5.0"; 5 s="".
     */
    private static final IncrementalIndex INDEX = index(
            "[\"s\", {\"type\": \"long\", \"name\": \"n\"}, {\"type\": \"double\", \"name\": \"d\"},"
                    + " {\"type\": \"float\", \"name\": \"f\"}]",
            "{\"s\": \"a\", \"n\": 5, \"d\": 5.0, \"f\": 10.1}", "{}",
            "{\"s\": [\"a\", \"b\"], \"n\": 7, \"d\": 5.5, \"f\": 2}", "{\"s\": \"5\", \"n\": -3, \"d\": -3.0}",
            "{\"s\": \"5.0\"}", "{\"s\": \"\"}");

    private static String equals(String column, String type, String valueJson) {
        return "{\"type\": \"equals\", \"column\": \"" + column + "\", \"matchValueType\": \"" + type
                + "\", \"matchValue\": " + valueJson + "}";
    }

    @Test
    void shouldMatchStringRowsHoldingTheValueAndLeaveNullsUnknown() {
        assertThat(matches(INDEX, equals("s", "STRING", "\"a\""))).containsExactly(0, 2);
        assertThat(unknowns(INDEX, equals("s", "STRING", "\"a\""))).containsExactly(1);
        assertThat(matches(INDEX, not(equals("s", "STRING", "\"a\"")))).containsExactly(3, 4, 5);
    }

    @Test
    void shouldMatchTheEmptyStringButNotNull() {
        assertThat(matches(INDEX, equals("s", "STRING", "\"\""))).containsExactly(5);
    }

    @Test
    void shouldCompareStringColumnsWithTheTextOfANumericMatchValue() {
        assertThat(matches(INDEX, equals("s", "LONG", "5"))).containsExactly(3);
        assertThat(matches(INDEX, equals("s", "DOUBLE", "5"))).containsExactly(4);
        assertThat(matches(INDEX, equals("s", "DOUBLE", "5.0"))).containsExactly(4);
    }

    @Test
    void shouldMatchLongColumnsWithWholeNumbersOfAnyMatchValueType() {
        assertThat(matches(INDEX, equals("n", "LONG", "5"))).containsExactly(0);
        assertThat(matches(INDEX, equals("n", "LONG", "\"5\""))).containsExactly(0);
        assertThat(matches(INDEX, equals("n", "DOUBLE", "5.0"))).containsExactly(0);
        assertThat(matches(INDEX, equals("n", "STRING", "\"-3\""))).containsExactly(3);
        assertThat(matches(INDEX, equals("n", "STRING", "\"5.0\""))).containsExactly(0);
    }

    @Test
    void shouldMatchNoLongWithAFractionButKeepNullsUnknown() {
        assertThat(matches(INDEX, equals("n", "DOUBLE", "5.5"))).isEmpty();
        assertThat(matches(INDEX, not(equals("n", "DOUBLE", "5.5")))).containsExactly(0, 2, 3);
        assertThat(unknowns(INDEX, equals("n", "DOUBLE", "5.5"))).containsExactly(1, 4, 5);
    }

    @Test
    void shouldMatchNoNumberWithTextThatIsNoNumber() {
        assertThat(matches(INDEX, equals("n", "STRING", "\"abc\""))).isEmpty();
        assertThat(matches(INDEX, equals("d", "STRING", "\"abc\""))).isEmpty();
    }

    @Test
    void shouldCompareDoubleColumnsAsDoubles() {
        assertThat(matches(INDEX, equals("d", "DOUBLE", "5.5"))).containsExactly(2);
        assertThat(matches(INDEX, equals("d", "LONG", "5"))).containsExactly(0);
        assertThat(matches(INDEX, equals("d", "STRING", "\"-3\""))).containsExactly(3);
    }

    @Test
    void shouldCompareFloatColumnsAsFloats() {
        assertThat(matches(INDEX, equals("f", "FLOAT", "10.1"))).containsExactly(0);
        assertThat(matches(INDEX, equals("f", "DOUBLE", "10.1"))).containsExactly(0);
        assertThat(matches(INDEX, equals("f", "LONG", "2"))).containsExactly(2);
    }

    @Test
    void shouldReadTheMatchValueTypeInAnyCase() {
        assertThat(matches(INDEX, equals("n", "long", "7"))).containsExactly(2);
    }

    @Test
    void shouldLeaveEveryRowOfAnAbsentColumnUnknown() {
        assertThat(matches(INDEX, equals("missing", "STRING", "\"a\""))).isEmpty();
        assertThat(unknowns(INDEX, equals("missing", "STRING", "\"a\""))).containsExactly(0, 1, 2, 3, 4, 5);
    }
}
