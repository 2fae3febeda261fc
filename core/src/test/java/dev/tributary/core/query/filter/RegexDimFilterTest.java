package dev.tributary.core.query.filter;

import static dev.tributary.core.query.filter.FilterFixture.index;
import static dev.tributary.core.query.filter.FilterFixture.matches;
import static dev.tributary.core.query.filter.FilterFixture.not;
import static dev.tributary.core.query.filter.FilterFixture.unknowns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.index.IncrementalIndex;
import org.junit.jupiter.api.Test;

class RegexDimFilterTest {
    /** Rows: 0 s=apple n=50; 1 s=banana n=5; 2 nulls; 3 s="" n=150 d=5.0; 4 s=[cherry, grape]. */
    private static final IncrementalIndex INDEX = index(
            "[\"s\", {\"type\": \"long\", \"name\": \"n\"}, {\"type\": \"double\", \"name\": \"d\"}]",
            "{\"s\": \"apple\", \"n\": 50}", "{\"s\": \"banana\", \"n\": 5}", "{}", "{\"s\": \"\", \"n\": 150, \"d\": 5.0}",
            "{\"s\": [\"cherry\", \"grape\"]}");

    private static String regex(String dimension, String pattern) {
        return "{\"type\": \"regex\", \"dimension\": \"" + dimension + "\", \"pattern\": \"" + pattern + "\"}";
    }

    @Test
    void shouldFindThePatternAnywhereInTheValue() {
        assertThat(matches(INDEX, regex("s", "an"))).containsExactly(1);
        assertThat(matches(INDEX, regex("s", "^a"))).containsExactly(0);
        assertThat(matches(INDEX, regex("s", "ape$"))).containsExactly(4);
    }

    @Test
    void shouldMatchTheEmptyStringButLeaveNullsUnknown() {
        assertThat(matches(INDEX, regex("s", "^$"))).containsExactly(3);
        assertThat(matches(INDEX, regex("s", ".*"))).containsExactly(0, 1, 3, 4);
        assertThat(unknowns(INDEX, regex("s", "x"))).containsExactly(2);
        assertThat(matches(INDEX, not(regex("s", "e")))).containsExactly(1, 3);
    }

    @Test
    void shouldMatchNumbersByTheirText() {
        assertThat(matches(INDEX, regex("n", "^5"))).containsExactly(0, 1);
        assertThat(matches(INDEX, regex("d", "^5\\\\.0$"))).containsExactly(3);
        assertThat(matches(INDEX, not(regex("n", "0")))).containsExactly(1);
    }
}
