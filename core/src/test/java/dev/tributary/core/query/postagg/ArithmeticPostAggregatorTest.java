package dev.tributary.core.query.postagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.tributary.core.Json;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.CountAggregatorFactory;
import dev.tributary.core.aggregation.LongSumAggregatorFactory;
import dev.tributary.core.query.InvalidQueryException;
import dev.tributary.core.query.ResultRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are what Apache Druid 37's ArithmeticPostAggregator computes for the same input. */
class ArithmeticPostAggregatorTest {
    private static final Map<String, Object> ROW = row();

    private static Map<String, Object> row() {
        Map<String, Object> row = new HashMap<>();
        row.put("a", 905L);
        row.put("zero", 0L);
        row.put("c", 2.5);
        row.put("nan", Double.NaN);
        row.put("none", null);
        return row;
    }

    private static PostAggregator read(String json) throws Exception {
        return Json.mapper().readValue(json, PostAggregator.class);
    }

    private static String arithmetic(String fn, String... fields) {
        return "{\"type\": \"arithmetic\", \"name\": \"x\", \"fn\": \"" + fn + "\", \"fields\": ["
                + String.join(", ", Arrays.stream(fields).map(ArithmeticPostAggregatorTest::field).toList()) + "]}";
    }

    private static String field(String f) {
        return f.matches("-?[0-9.]+") ? "{\"type\": \"constant\", \"value\": " + f + "}"
                : "{\"type\": \"fieldAccess\", \"fieldName\": \"" + f + "\"}";
    }

    @ParameterizedTest(name = "{0} over {1} {2} {3} is {4}")
    @CsvSource({
        "*,        a,    10,  ,     9050.0",
        "+,        a,    c,   ,     907.5",
        "-,        a,    c,   0.5,  902.0",
        "/,        c,    a,   ,     0.0027624309392265192",
        "/,        a,    zero,,     0.0",
        "/,        zero, zero,,     0.0",
        "/,        nan,  zero,,     0.0",
        "quotient, a,    zero,,     Infinity",
        "quotient, zero, zero,,     NaN",
        "quotient, a,    2,   ,     452.5",
        "pow,      c,    2,   ,     6.25",
        "pow,      2,    10,  2,    1048576.0",
    })
    void shouldComputeLeftToRightInFloatingPoint(String fn, String f1, String f2, String f3, double expected) throws Exception {
        PostAggregator post = read(f3 == null ? arithmetic(fn, f1, f2) : arithmetic(fn, f1, f2, f3));

        Object result = post.compute(ROW, Map.of());

        assertThat(result).isInstanceOf(Double.class).isEqualTo(expected);
    }

    @Test
    void shouldBeNullWhenAnyOperandIsNullOrMissing() throws Exception {
        assertThat(read(arithmetic("+", "a", "none")).compute(ROW, Map.of())).isNull();
        assertThat(read(arithmetic("*", "missing", "a")).compute(ROW, Map.of())).isNull();
    }

    @Test
    void shouldRenderTheConformanceRowAsDruidDoes() throws Exception {
        PostAggregator timesTen = read("""
                {"type": "arithmetic", "name": "added_count_times_ten", "fn": "*",
                 "fields": [{"type": "fieldAccess", "name": "added_count", "fieldName": "added_count"},
                            {"type": "constant", "name": "const", "value": 10}]}""");
        List<AggregatorFactory> aggregators = List.of(new CountAggregatorFactory("rows"),
                new LongSumAggregatorFactory("added_count", "added"));

        Map<String, Object> row = ResultRows.finish(new Object[] {1L, 905L}, aggregators, List.of(timesTen),
                ResultRows.byName(aggregators));

        assertThat(Json.mapper().writeValueAsString(row))
                .isEqualTo("{\"rows\":1,\"added_count\":905,\"added_count_times_ten\":9050.0}");
    }

    @Test
    void shouldWriteDruidsJsonWithoutNullsAndReadItBack() throws Exception {
        String json = "{\"type\":\"arithmetic\",\"name\":\"ratio\",\"fn\":\"quotient\",\"fields\":["
                + "{\"type\":\"fieldAccess\",\"name\":\"a\",\"fieldName\":\"a\"},{\"type\":\"constant\",\"name\":\"k\",\"value\":10}]}";
        PostAggregator post = read(json);

        assertThat(post).isEqualTo(new ArithmeticPostAggregator("ratio", ArithmeticPostAggregator.Fn.QUOTIENT,
                List.of(new FieldAccessPostAggregator("a", "a"), new ConstantPostAggregator("k", 10)), null));
        assertThat(Json.mapper().writeValueAsString(post)).isEqualTo(json);
        assertThat(Json.mapper().writeValueAsString(read(arithmetic("pow", "a", "c").replace("\"fields\"",
                "\"ordering\": \"numericFirst\", \"fields\"")))).isEqualTo("{\"type\":\"arithmetic\",\"name\":\"x\",\"fn\":\"pow\","
                + "\"fields\":[{\"type\":\"fieldAccess\",\"fieldName\":\"a\"},{\"type\":\"fieldAccess\",\"fieldName\":\"c\"}],"
                + "\"ordering\":\"numericFirst\"}");
        assertThat(post.dependentFields()).containsExactly("a");
    }

    @Test
    void shouldOrderNumericFirstWithFiniteValuesAboveNanAndTheInfinities() throws Exception {
        PostAggregator numericFirst = read(arithmetic("*", "a", "a").replace("\"fields\"", "\"ordering\": \"numericFirst\", \"fields\""));
        PostAggregator natural = read(arithmetic("*", "a", "a"));
        List<Object> values = Arrays.asList(1.0, Double.NaN, Double.POSITIVE_INFINITY, null, Double.NEGATIVE_INFINITY, -5.0, 3.0);

        List<Object> byNumericFirst = new ArrayList<>(values);
        byNumericFirst.sort(numericFirst.comparator());
        List<Object> byNatural = new ArrayList<>(values);
        byNatural.sort(natural.comparator());

        assertThat(byNumericFirst).containsExactly(null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN,
                -5.0, 1.0, 3.0);
        assertThat(byNatural).containsExactly(null, Double.NEGATIVE_INFINITY, -5.0, 1.0, 3.0, Double.POSITIVE_INFINITY,
                Double.NaN);
    }

    @Test
    void shouldRefuseAnUnknownFnTooFewFieldsAndAnUnknownOrdering() {
        assertThatThrownBy(() -> read(arithmetic("%", "a", "a")))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("unknown arithmetic fn '%'; expected one of [+, -, *, /, quotient, pow]");
        assertThatThrownBy(() -> read(arithmetic("+", "a")))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("fields: arithmetic 'x' needs at least 2 fields, not 1");
        assertThatThrownBy(() -> read("{\"type\": \"arithmetic\", \"name\": \"x\", \"fields\": []}"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("fn: arithmetic 'x' needs an fn: one of [+, -, *, /, quotient, pow]");
        assertThatThrownBy(() -> read(arithmetic("+", "a", "a").replace("\"fields\"", "\"ordering\": \"bogus\", \"fields\"")))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("unknown arithmetic ordering 'bogus'; expected numericFirst or null");
    }

    @Test
    void shouldRefuseToComputeOverSomethingThatIsNotANumberWithA400() throws Exception {
        Map<String, Object> row = Map.of("a", 1L, "sketch", new Object() {
            @Override
            public String toString() {
                return "a sketch";
            }
        });

        assertThatThrownBy(() -> read(arithmetic("+", "a", "sketch")).compute(row, Map.of()))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageStartingWith("arithmetic post-aggregator 'x' needs numbers, but 'sketch' is a ");
    }
}
