package dev.tributary.core.query.filter;

import static dev.tributary.core.query.filter.StringOrdering.ALPHANUMERIC;
import static dev.tributary.core.query.filter.StringOrdering.LEXICOGRAPHIC;
import static dev.tributary.core.query.filter.StringOrdering.NUMERIC;
import static dev.tributary.core.query.filter.StringOrdering.STRLEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringOrderingTest {
    private static List<String> sorted(StringOrdering ordering, String... values) {
        List<String> list = new ArrayList<>(Arrays.asList(values));
        list.sort(ordering);
        return list;
    }

    @Test
    void shouldSortLexicographicallyByUtf8BytesNotUtf16Units() {
        String emoji = "\uD83D\uDE00";
        String replacement = "\uFFFD";

        assertThat(sorted(LEXICOGRAPHIC, emoji, replacement, "b", "B", "", null, "a"))
                .containsExactly(null, "", "B", "a", "b", replacement, emoji);
        assertThat(emoji.compareTo(replacement)).isNegative();
    }

    @Test
    void shouldSortNumbersByValueAndTextThatIsNoNumberBeforeThem() {
        assertThat(sorted(NUMERIC, "10", "9", "-100", "1.5", "abd", "abc", null, "2e1"))
                .containsExactly(null, "abc", "abd", "-100", "1.5", "9", "10", "2e1");
        assertThat(NUMERIC.compare("1.50", "1.5")).isZero();
        assertThat(NUMERIC.compare("1e2", "100")).isZero();
    }

    @Test
    void shouldSortDigitRunsByValueAndTextRunsIgnoringCaseWithAlphanumeric() {
        assertThat(sorted(ALPHANUMERIC, "file12", "file2", "File10b", "file10a", "", null))
                .containsExactly(null, "", "file2", "file10a", "File10b", "file12");
        assertThat(ALPHANUMERIC.compare("a", "A")).isZero();
    }

    @Test
    void shouldKeepAlphanumericsDocumentedQuirks() {
        assertThat(ALPHANUMERIC.compare("1.3", "1.15")).isNegative();
        assertThat(ALPHANUMERIC.compare("1", "-1")).isNegative();
        assertThat(ALPHANUMERIC.compare("5", "05")).isNegative();
        assertThat(ALPHANUMERIC.compare("1", "a")).isNegative();
        assertThat(ALPHANUMERIC.compare("0a", "0")).isNegative();
    }

    @Test
    void shouldSortByLengthThenTextWithStrlen() {
        assertThat(sorted(STRLEN, "ba", "b", "ab", null, "aaa")).containsExactly(null, "b", "ab", "ba", "aaa");
    }

    @Test
    void shouldReadOrderingsAsNamesOrTypedObjects() throws Exception {
        assertThat(Json.mapper().readValue("\"numeric\"", StringOrdering.class)).isEqualTo(NUMERIC);
        assertThat(Json.mapper().readValue("{\"type\": \"alphanumeric\"}", StringOrdering.class)).isEqualTo(ALPHANUMERIC);
        assertThat(Json.mapper().writeValueAsString(STRLEN)).isEqualTo("\"strlen\"");
        assertThatThrownBy(() -> Json.mapper().readValue("\"version\"", StringOrdering.class))
                .hasMessageContaining("ordering \"version\" is not supported");
    }
}
