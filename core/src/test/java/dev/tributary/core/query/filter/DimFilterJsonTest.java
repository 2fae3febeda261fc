package dev.tributary.core.query.filter;

import static dev.tributary.core.query.filter.FilterFixture.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.Json;
import dev.tributary.core.spec.InvalidSpecException;
import dev.tributary.core.spec.SpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DimFilterJsonTest {
    private static InvalidSpecException refused(String json) {
        return (InvalidSpecException) org.assertj.core.api.Assertions.catchThrowable(
                () -> SpecReader.read(json, DimFilter.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\": \"selector\", \"dimension\": \"s\", \"value\": \"a\"}",
        "{\"type\": \"selector\", \"dimension\": \"s\", \"value\": null}",
        "{\"type\": \"equals\", \"column\": \"n\", \"matchValueType\": \"LONG\", \"matchValue\": 5}",
        "{\"type\": \"equals\", \"column\": \"s\", \"matchValueType\": \"STRING\", \"matchValue\": \"a\"}",
        "{\"type\": \"null\", \"column\": \"s\"}",
        "{\"type\": \"in\", \"dimension\": \"s\", \"values\": [\"a\", null]}",
        "{\"type\": \"bound\", \"dimension\": \"s\", \"lower\": \"1\", \"upperStrict\": true, \"upper\": \"9\","
                + " \"ordering\": \"numeric\"}",
        "{\"type\": \"range\", \"column\": \"d\", \"matchValueType\": \"DOUBLE\", \"lower\": 1.5, \"upperOpen\": true,"
                + " \"upper\": 2}",
        "{\"type\": \"regex\", \"dimension\": \"s\", \"pattern\": \"^a.*\"}",
        "{\"type\": \"like\", \"dimension\": \"s\", \"pattern\": \"a!%%\", \"escape\": \"!\"}",
        "{\"type\": \"search\", \"dimension\": \"s\", \"query\": {\"type\": \"fragment\", \"values\": [\"a\", \"b\"]}}",
        "{\"type\": \"search\", \"dimension\": \"s\", \"query\": {\"type\": \"insensitive_contains\", \"value\": \"a\"}}",
        "{\"type\": \"interval\", \"dimension\": \"__time\", \"intervals\": [\"2014-10-01/2014-10-07\"]}",
        "{\"type\": \"and\", \"fields\": [{\"type\": \"true\"}, {\"type\": \"not\", \"field\": {\"type\": \"false\"}}]}",
        "{\"type\": \"or\", \"fields\": [{\"type\": \"null\", \"column\": \"s\"}]}",
    })
    void shouldWriteEveryFilterBackAsJsonThatReadsAsTheSameFilter(String json) throws Exception {
        DimFilter read = filter(json);

        String written = Json.mapper().writeValueAsString(read);

        assertThat(filter(written)).isEqualTo(read);
        assertThat(Json.mapper().readTree(written).get("type")).isEqualTo(Json.mapper().readTree(json).get("type"));
    }

    @Test
    void shouldReadNumbersWhereDruidTakesStrings() {
        assertThat(filter("{\"type\": \"selector\", \"dimension\": \"n\", \"value\": 5}"))
                .isEqualTo(new SelectorDimFilter("n", "5"));
        assertThat(filter("{\"type\": \"bound\", \"dimension\": \"n\", \"lower\": 21, \"ordering\": \"numeric\"}"))
                .isEqualTo(new BoundDimFilter("n", "21", null, false, false, StringOrdering.NUMERIC, null, null));
    }

    @Test
    void shouldNameTheMissingDimensionOfANestedFilter() {
        InvalidSpecException e = refused("{\"type\": \"and\", \"fields\": [{\"type\": \"selector\", \"value\": \"a\"}]}");

        assertThat(e.field()).isEqualTo("fields[0].dimension");
    }

    @Test
    void shouldRefuseExtractionFunctionsInsteadOfIgnoringThem() {
        InvalidSpecException e = refused("{\"type\": \"selector\", \"dimension\": \"s\", \"value\": \"a\","
                + " \"extractionFn\": {\"type\": \"upper\"}}");

        assertThat(e.field()).isEqualTo("extractionFn");
        assertThat(e.problem()).isEqualTo("extraction functions are not supported");
    }

    @Test
    void shouldRefuseABoundWithoutBounds() {
        assertThat(refused("{\"type\": \"bound\", \"dimension\": \"s\"}").field()).isEqualTo("lower");
        assertThat(refused("{\"type\": \"range\", \"column\": \"s\", \"matchValueType\": \"STRING\"}").field())
                .isEqualTo("lower");
    }

    @Test
    void shouldRefuseANumericRangeBoundThatIsNoNumber() {
        InvalidSpecException e = refused(
                "{\"type\": \"range\", \"column\": \"n\", \"matchValueType\": \"LONG\", \"upper\": \"abc\"}");

        assertThat(e.field()).isEqualTo("upper");
        assertThat(e.problem()).isEqualTo("'abc' cannot be read as LONG");
    }

    @Test
    void shouldRefuseAnEqualsFilterWithoutAMatchValueOrWithAnArrayType() {
        assertThat(refused("{\"type\": \"equals\", \"column\": \"s\", \"matchValueType\": \"STRING\"}").field())
                .isEqualTo("matchValue");
        InvalidSpecException array = refused("{\"type\": \"equals\", \"column\": \"s\","
                + " \"matchValueType\": \"ARRAY<STRING>\", \"matchValue\": [\"a\"]}");
        assertThat(array.field()).isEqualTo("matchValueType");
        assertThat(array.problem()).contains("'ARRAY<STRING>' is not supported");
    }

    @Test
    void shouldRefuseBadPatternsNamingTheField() {
        assertThat(refused("{\"type\": \"regex\", \"dimension\": \"s\", \"pattern\": \"(\"}").field()).isEqualTo("pattern");
        assertThat(refused("{\"type\": \"like\", \"dimension\": \"s\", \"pattern\": \"a\", \"escape\": \"ab\"}").field())
                .isEqualTo("escape");
        assertThat(refused("{\"type\": \"search\", \"dimension\": \"s\", \"query\": {\"type\": \"contains\"}}").field())
                .isEqualTo("query.value");
    }

    @Test
    void shouldRefuseEmptyLogicalFilters() {
        assertThat(refused("{\"type\": \"and\", \"fields\": []}").field()).isEqualTo("fields");
        assertThat(refused("{\"type\": \"or\"}").field()).isEqualTo("fields");
        assertThat(refused("{\"type\": \"not\"}").field()).isEqualTo("field");
    }

    @Test
    void shouldRefuseAnIntervalThatIsNoInterval() {
        InvalidSpecException e = refused("{\"type\": \"interval\", \"dimension\": \"__time\", \"intervals\": [\"soon\"]}");

        assertThat(e.field()).startsWith("intervals");
        assertThat(e.problem()).contains("'soon' is not an ISO-8601 interval");
    }

    @Test
    void shouldListTheKnownTypesForAnUnsupportedOne() {
        InvalidSpecException e = refused("{\"type\": \"expression\", \"expression\": \"x == 1\"}");

        assertThat(e.field()).isEqualTo("type");
        assertThat(e.problem()).startsWith("unknown type 'expression'").contains("bound", "like", "interval");
    }

    @Test
    void shouldRefuseAnUnsupportedOrdering() {
        assertThatThrownBy(() -> SpecReader.read(
                "{\"type\": \"bound\", \"dimension\": \"s\", \"lower\": \"1\", \"ordering\": \"version\"}", DimFilter.class))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("ordering")
                .hasMessageContaining("not supported");
    }
}
