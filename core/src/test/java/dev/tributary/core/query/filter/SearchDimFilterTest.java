package dev.tributary.core.query.filter;

import static dev.tributary.core.query.filter.FilterFixture.index;
import static dev.tributary.core.query.filter.FilterFixture.matches;
import static dev.tributary.core.query.filter.FilterFixture.not;
import static dev.tributary.core.query.filter.FilterFixture.unknowns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.index.IncrementalIndex;
import org.junit.jupiter.api.Test;

class SearchDimFilterTest {
    /** Rows: 0 "Foo Bar", 1 "foobar", 2 null, 3 "", 4 [BAZ, qux]; n: 0 1234. */
    private static final IncrementalIndex INDEX = index("[\"s\", {\"type\": \"long\", \"name\": \"n\"}]",
            "{\"s\": \"Foo Bar\", \"n\": 1234}", "{\"s\": \"foobar\"}", "{}", "{\"s\": \"\"}",
            "{\"s\": [\"BAZ\", \"qux\"]}");

    private static String search(String dimension, String queryJson) {
        return "{\"type\": \"search\", \"dimension\": \"" + dimension + "\", \"query\": " + queryJson + "}";
    }

    @Test
    void shouldMatchContainsCaseInsensitivelyByDefault() {
        assertThat(matches(INDEX, search("s", "{\"type\": \"contains\", \"value\": \"FOO\"}"))).containsExactly(0, 1);
        assertThat(matches(INDEX, search("s", "{\"type\": \"contains\", \"value\": \"baz\"}"))).containsExactly(4);
    }

    @Test
    void shouldMatchContainsCaseSensitivelyWhenAsked() {
        assertThat(matches(INDEX, search("s", "{\"type\": \"contains\", \"value\": \"Foo\", \"caseSensitive\": true}")))
                .containsExactly(0);
    }

    @Test
    void shouldMatchInsensitiveContains() {
        assertThat(matches(INDEX, search("s", "{\"type\": \"insensitive_contains\", \"value\": \"o b\"}")))
                .containsExactly(0);
    }

    @Test
    void shouldRequireEveryFragment() {
        assertThat(matches(INDEX, search("s", "{\"type\": \"fragment\", \"values\": [\"bar\", \"FOO\"]}")))
                .containsExactly(0, 1);
        assertThat(matches(INDEX, search("s",
                "{\"type\": \"fragment\", \"values\": [\"Bar\", \"foo\"], \"caseSensitive\": true}"))).isEmpty();
        assertThat(matches(INDEX, search("s", "{\"type\": \"fragment\", \"values\": [\"bar\", \"qux\"]}"))).isEmpty();
    }

    @Test
    void shouldMatchARegexSearch() {
        assertThat(matches(INDEX, search("s", "{\"type\": \"regex\", \"pattern\": \"^f\"}"))).containsExactly(1);
    }

    @Test
    void shouldMatchTheEmptyStringWithAnEmptySearchButLeaveNullsUnknown() {
        assertThat(matches(INDEX, search("s", "{\"type\": \"contains\", \"value\": \"\"}"))).containsExactly(0, 1, 3, 4);
        assertThat(unknowns(INDEX, search("s", "{\"type\": \"contains\", \"value\": \"x\"}"))).containsExactly(2);
        assertThat(matches(INDEX, not(search("s", "{\"type\": \"contains\", \"value\": \"bar\"}")))).containsExactly(3, 4);
    }

    @Test
    void shouldSearchNumbersByTheirText() {
        assertThat(matches(INDEX, search("n", "{\"type\": \"contains\", \"value\": \"23\"}"))).containsExactly(0);
    }
}
