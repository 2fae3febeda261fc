package dev.tributary.core.query.filter;

import static dev.tributary.core.query.filter.FilterFixture.index;
import static dev.tributary.core.query.filter.FilterFixture.matches;
import static dev.tributary.core.query.filter.FilterFixture.not;
import static dev.tributary.core.query.filter.FilterFixture.unknowns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.index.IncrementalIndex;
import org.junit.jupiter.api.Test;

class LikeDimFilterTest {
    /** Rows: 0 Dave, 1 dan, 2 null, 3 "", 4 "50%", 5 "a.c", 6 "line\nbreak", 7 [Dora, x]; n: 0 12, 1 120. */
    private static final IncrementalIndex INDEX = index("[\"s\", {\"type\": \"long\", \"name\": \"n\"}]",
            "{\"s\": \"Dave\", \"n\": 12}", "{\"s\": \"dan\", \"n\": 120}", "{}", "{\"s\": \"\"}", "{\"s\": \"50%\"}",
            "{\"s\": \"a.c\"}", "{\"s\": \"line\\nbreak\"}", "{\"s\": [\"Dora\", \"x\"]}");

    private static String like(String dimension, String pattern, String escape) {
        return "{\"type\": \"like\", \"dimension\": \"" + dimension + "\", \"pattern\": \"" + pattern + "\""
                + (escape == null ? "" : ", \"escape\": \"" + escape + "\"") + "}";
    }

    @Test
    void shouldMatchPercentAsAnyRunAndUnderscoreAsOneCharacterCaseSensitively() {
        assertThat(matches(INDEX, like("s", "D%", null))).containsExactly(0, 7);
        assertThat(matches(INDEX, like("s", "_a%", null))).containsExactly(0, 1);
        assertThat(matches(INDEX, like("s", "d__", null))).containsExactly(1);
    }

    @Test
    void shouldMatchTheWholeValueAndTakeRegexCharactersLiterally() {
        assertThat(matches(INDEX, like("s", "a", null))).isEmpty();
        assertThat(matches(INDEX, like("s", "a.c", null))).containsExactly(5);
        assertThat(matches(INDEX, like("s", "abc", null))).isEmpty();
    }

    @Test
    void shouldLetPercentSpanLineBreaks() {
        assertThat(matches(INDEX, like("s", "line%", null))).containsExactly(6);
    }

    @Test
    void shouldMatchTheEmptyStringWithPercentButLeaveNullsUnknown() {
        assertThat(matches(INDEX, like("s", "%", null))).containsExactly(0, 1, 3, 4, 5, 6, 7);
        assertThat(unknowns(INDEX, like("s", "%", null))).containsExactly(2);
        assertThat(matches(INDEX, not(like("s", "%a%", null)))).containsExactly(3, 4);
    }

    @Test
    void shouldMatchEscapedWildcardsLiterally() {
        assertThat(matches(INDEX, like("s", "%\\\\%", "\\\\"))).containsExactly(4);
        assertThat(matches(INDEX, like("s", "50!%", "!"))).containsExactly(4);
        assertThat(matches(INDEX, like("s", "5!0%", "!"))).containsExactly(4);
    }

    @Test
    void shouldMatchNumbersByTheirText() {
        assertThat(matches(INDEX, like("n", "12%", null))).containsExactly(0, 1);
        assertThat(matches(INDEX, like("n", "1_", null))).containsExactly(0);
    }
}
