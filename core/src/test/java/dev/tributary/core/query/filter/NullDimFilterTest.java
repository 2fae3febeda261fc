package dev.tributary.core.query.filter;

import static dev.tributary.core.query.filter.FilterFixture.index;
import static dev.tributary.core.query.filter.FilterFixture.matches;
import static dev.tributary.core.query.filter.FilterFixture.not;
import static dev.tributary.core.query.filter.FilterFixture.unknowns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.index.IncrementalIndex;
import org.junit.jupiter.api.Test;

class NullDimFilterTest {
    /** Rows: 0 s=a n=1; 1 nothing; 2 s="" n=0; 3 s=[] ; 4 s=[null, b]; 5 s=[a, b] d=0.0. */
    private static final IncrementalIndex INDEX = index(
            "[\"s\", {\"type\": \"long\", \"name\": \"n\"}, {\"type\": \"double\", \"name\": \"d\"}]",
            "{\"s\": \"a\", \"n\": 1}", "{}", "{\"s\": \"\", \"n\": 0}", "{\"s\": []}",
            "{\"s\": [null, \"b\"]}", "{\"s\": [\"a\", \"b\"], \"d\": 0.0}");

    private static String isNull(String column) {
        return "{\"type\": \"null\", \"column\": \"" + column + "\"}";
    }

    @Test
    void shouldMatchNullsEmptyListsAndListsHoldingANullButNotTheEmptyString() {
        assertThat(matches(INDEX, isNull("s"))).containsExactly(1, 3, 4);
    }

    @Test
    void shouldNeverBeUnknownSoThatNotMeansIsNotNull() {
        assertThat(unknowns(INDEX, isNull("s"))).isEmpty();
        assertThat(matches(INDEX, not(isNull("s")))).containsExactly(0, 2, 5);
    }

    @Test
    void shouldMatchNumericNullsButNotZero() {
        assertThat(matches(INDEX, isNull("n"))).containsExactly(1, 3, 4, 5);
        assertThat(matches(INDEX, not(isNull("d")))).containsExactly(5);
    }

    @Test
    void shouldMatchEveryRowOfAnAbsentColumnAndNoneOfTheTimeColumn() {
        assertThat(matches(INDEX, isNull("missing"))).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(matches(INDEX, isNull("__time"))).isEmpty();
    }
}
