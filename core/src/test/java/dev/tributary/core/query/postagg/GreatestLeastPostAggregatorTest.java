package dev.tributary.core.query.postagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.tributary.core.Json;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Expected values are what Apache Druid 37's greatest/least post-aggregators compute for the same input. */
class GreatestLeastPostAggregatorTest {
    private static final Map<String, Object> ROW = row();

    private static Map<String, Object> row() {
        Map<String, Object> row = new HashMap<>();
        row.put("a", 905L);
        row.put("c", 2.5);
        row.put("i", 3L);
        row.put("neg", -7.9);
        row.put("nan", Double.NaN);
        row.put("none", null);
        return row;
    }

    private static PostAggregator read(String type, String... fields) throws Exception {
        StringBuilder json = new StringBuilder("{\"type\": \"" + type + "\", \"name\": \"g\", \"fields\": [");
        for (int i = 0; i < fields.length; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"type\": \"fieldAccess\", \"fieldName\": \"").append(fields[i]).append("\"}");
        }
        return Json.mapper().readValue(json.append("]}").toString(), PostAggregator.class);
    }

    @ParameterizedTest(name = "{0} of {1} is {2}")
    @CsvSource({
        "doubleGreatest, a c none,  905.0",
        "doubleGreatest, a nan,     NaN",
        "doubleGreatest, none c,    2.5",
        "doubleLeast,    a nan,     905.0",
        "doubleLeast,    a c neg,   -7.9",
        "doubleLeast,    nan a,     905.0",
    })
    void shouldPickTheGreatestOrLeastAsADoubleSkippingNulls(String type, String fields, double expected) throws Exception {
        assertThat(read(type, fields.split(" ")).compute(ROW, Map.of())).isInstanceOf(Double.class).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of {1} is {2}")
    @CsvSource({
        "longGreatest, c i,        3",
        "longGreatest, c none,     2",
        "longLeast,    c a,        2",
        "longLeast,    a neg,      -7",
    })
    void shouldPickTheGreatestOrLeastAsALong(String type, String fields, long expected) throws Exception {
        assertThat(read(type, fields.split(" ")).compute(ROW, Map.of())).isInstanceOf(Long.class).isEqualTo(expected);
    }

    @Test
    void shouldBeNullWhenEveryFieldIsNull() throws Exception {
        for (String type : new String[] {"doubleGreatest", "doubleLeast", "longGreatest", "longLeast"}) {
            assertThat(read(type, "none", "missing").compute(ROW, Map.of())).as(type).isNull();
        }
    }

    @Test
    void shouldWriteDruidsJsonAndReadItBack() throws Exception {
        String json = "{\"type\":\"longLeast\",\"name\":\"g\",\"fields\":[{\"type\":\"fieldAccess\",\"fieldName\":\"a\"},"
                + "{\"type\":\"constant\",\"value\":3}]}";
        PostAggregator post = Json.mapper().readValue(json, PostAggregator.class);

        assertThat(Json.mapper().writeValueAsString(post)).isEqualTo(json);
        assertThat(post.compute(ROW, Map.of())).isEqualTo(3L);
        assertThat(post.dependentFields()).containsExactly("a");
        assertThat(read("doubleGreatest", "a", "c", "a").dependentFields()).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void shouldRefuseNoFields() {
        assertThatThrownBy(() -> read("longLeast"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("fields: longLeast 'g' needs at least 1 field, not 0");
    }
}
