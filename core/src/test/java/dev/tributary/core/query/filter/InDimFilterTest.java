package dev.tributary.core.query.filter;

import static dev.tributary.core.query.filter.FilterFixture.index;
import static dev.tributary.core.query.filter.FilterFixture.matches;
import static dev.tributary.core.query.filter.FilterFixture.not;
import static dev.tributary.core.query.filter.FilterFixture.unknowns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.index.IncrementalIndex;
import org.junit.jupiter.api.Test;

class InDimFilterTest {
    /** Rows: 0 s=a n=1 f=1.1; 1 s=b n=2 f=2.5; 2 nothing; 3 s=[c, d] n=3 d=3.0; 4 s="" n=10 d=0.5. */
    private static final IncrementalIndex INDEX = index(
            "[\"s\", {\"type\": \"long\", \"name\": \"n\"}, {\"type\": \"double\", \"name\": \"d\"},"
                    + " {\"type\": \"float\", \"name\": \"f\"}]",
            "{\"s\": \"a\", \"n\": 1, \"f\": 1.1}", "{\"s\": \"b\", \"n\": 2, \"f\": 2.5}", "{}",
            "{\"s\": [\"c\", \"d\"], \"n\": 3, \"d\": 3.0}", "{\"s\": \"\", \"n\": 10, \"d\": 0.5}");

    private static String in(String dimension, String valuesJson) {
        return "{\"type\": \"in\", \"dimension\": \"" + dimension + "\", \"values\": " + valuesJson + "}";
    }

    @Test
    void shouldMatchRowsHoldingAnyOfTheValues() {
        assertThat(matches(INDEX, in("s", "[\"a\", \"d\", \"zzz\"]"))).containsExactly(0, 3);
        assertThat(matches(INDEX, in("s", "[\"\"]"))).containsExactly(4);
    }

    @Test
    void shouldLeaveNullsUnknownWhenTheValuesHoldNoNull() {
        assertThat(unknowns(INDEX, in("s", "[\"a\"]"))).containsExactly(2);
        assertThat(matches(INDEX, not(in("s", "[\"a\", \"c\"]")))).containsExactly(1, 4);
    }

    @Test
    void shouldMatchNullsWhenTheValuesHoldANullUnlikeSql() {
        assertThat(matches(INDEX, in("s", "[\"a\", null]"))).containsExactly(0, 2);
        assertThat(matches(INDEX, not(in("s", "[\"a\", null]")))).containsExactly(1, 3, 4);
        assertThat(matches(INDEX, in("n", "[null]"))).containsExactly(2);
    }

    @Test
    void shouldMatchNoRowWithNoValuesAndEveryRowUnderNot() {
        assertThat(matches(INDEX, in("s", "[]"))).isEmpty();
        assertThat(matches(INDEX, not(in("s", "[]")))).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void shouldCompareNumericColumnsAsNumbers() {
        assertThat(matches(INDEX, in("n", "[\"1\", \"3.0\", \"10\", \"abc\", \"2.5\"]"))).containsExactly(0, 3, 4);
        assertThat(matches(INDEX, in("n", "[2, 3]"))).containsExactly(1, 3);
        assertThat(matches(INDEX, in("d", "[\"3\", \"0.50\"]"))).containsExactly(3, 4);
        assertThat(matches(INDEX, in("f", "[\"1.1\", \"2.5\"]"))).containsExactly(0, 1);
    }

    @Test
    void shouldLeaveNumericNullsUnknown() {
        assertThat(matches(INDEX, not(in("n", "[\"1\"]")))).containsExactly(1, 3, 4);
        assertThat(unknowns(INDEX, in("d", "[\"3\"]"))).containsExactly(0, 1, 2);
    }
}
