package dev.tributary.core.query.filter;

import static dev.tributary.core.query.filter.FilterFixture.filter;
import static dev.tributary.core.query.filter.FilterFixture.index;
import static dev.tributary.core.query.filter.FilterFixture.matches;
import static dev.tributary.core.query.filter.FilterFixture.not;
import static dev.tributary.core.query.filter.FilterFixture.unknowns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.index.IncrementalIndex;
import org.junit.jupiter.api.Test;

class LogicalDimFiltersTest {
    /** Rows: 0 a=x b=y; 1 a=x b=null; 2 a=null b=y; 3 a=z b=z; 4 a=null b=z; 5 tags=[t1, t2]; 6 tags=[t1]. */
    private static final IncrementalIndex INDEX = index("[\"a\", \"b\", \"tags\"]",
            "{\"a\": \"x\", \"b\": \"y\"}", "{\"a\": \"x\"}", "{\"b\": \"y\"}", "{\"a\": \"z\", \"b\": \"z\"}",
            "{\"b\": \"z\"}", "{\"tags\": [\"t1\", \"t2\"]}", "{\"tags\": [\"t1\"]}");

    private static final String A_IS_X = "{\"type\": \"selector\", \"dimension\": \"a\", \"value\": \"x\"}";
    private static final String B_IS_Y = "{\"type\": \"selector\", \"dimension\": \"b\", \"value\": \"y\"}";

    private static String and(String... fields) {
        return "{\"type\": \"and\", \"fields\": [" + String.join(", ", fields) + "]}";
    }

    private static String or(String... fields) {
        return "{\"type\": \"or\", \"fields\": [" + String.join(", ", fields) + "]}";
    }

    private static String tag(String value) {
        return "{\"type\": \"equals\", \"column\": \"tags\", \"matchValueType\": \"STRING\", \"matchValue\": \"" + value + "\"}";
    }

    @Test
    void shouldAnswerAndAsSqlAndWithUnknownsWhereNoFieldIsFalse() {
        assertThat(matches(INDEX, and(A_IS_X, B_IS_Y))).containsExactly(0);
        assertThat(unknowns(INDEX, and(A_IS_X, B_IS_Y))).containsExactly(1, 2, 5, 6);
        assertThat(matches(INDEX, not(and(A_IS_X, B_IS_Y)))).containsExactly(3, 4);
    }

    @Test
    void shouldAnswerOrAsSqlOrWithUnknownsWhereNoFieldIsTrue() {
        assertThat(matches(INDEX, or(A_IS_X, B_IS_Y))).containsExactly(0, 1, 2);
        assertThat(unknowns(INDEX, or(A_IS_X, B_IS_Y))).containsExactly(4, 5, 6);
        assertThat(matches(INDEX, not(or(A_IS_X, B_IS_Y)))).containsExactly(3);
    }

    @Test
    void shouldKeepUnknownsUnknownUnderDoubleNegation() {
        assertThat(matches(INDEX, not(not(A_IS_X)))).containsExactly(0, 1);
        assertThat(unknowns(INDEX, not(not(A_IS_X)))).containsExactly(2, 4, 5, 6);
    }

    @Test
    void shouldMatchAMultiValueRowWhenEachFieldMatchesOneOfItsValues() {
        assertThat(matches(INDEX, and(tag("t1"), tag("t2")))).containsExactly(5);
        assertThat(matches(INDEX, not(tag("t2")))).containsExactly(6);
    }

    @Test
    void shouldActLikeItsOnlyFieldWithOneField() {
        assertThat(matches(INDEX, and(A_IS_X))).containsExactly(0, 1);
        assertThat(matches(INDEX, or(A_IS_X))).containsExactly(0, 1);
    }

    @Test
    void shouldMatchEveryRowWithTrueAndNoneWithFalseNullsIncluded() {
        assertThat(matches(INDEX, "{\"type\": \"true\"}")).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(matches(INDEX, not("{\"type\": \"true\"}"))).isEmpty();
        assertThat(matches(INDEX, "{\"type\": \"false\"}")).isEmpty();
        assertThat(matches(INDEX, not("{\"type\": \"false\"}"))).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(matches(INDEX, and(A_IS_X, "{\"type\": \"true\"}"))).containsExactly(0, 1);
        assertThat(matches(INDEX, or(A_IS_X, "{\"type\": \"false\"}"))).containsExactly(0, 1);
    }

    @Test
    void shouldRequireTheColumnsOfAllItsFields() {
        assertThat(filter(and(A_IS_X, not(or(B_IS_Y, tag("t1"))))).requiredColumns())
                .containsExactlyInAnyOrder("a", "b", "tags");
        assertThat(filter("{\"type\": \"true\"}").requiredColumns()).isEmpty();
    }
}
