package dev.tributary.core.query.postagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.tributary.core.Json;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.hyperloglog.HyperLogLogCollector;
import dev.tributary.core.aggregation.hyperloglog.HyperUniquesAggregatorFactory;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fieldAccess, finalizingFieldAccess and constant: what they return, as Druid 37 returns it, and their JSON. */
class FieldPostAggregatorsTest {

    private static PostAggregator read(String json) throws Exception {
        return Json.mapper().readValue(json, PostAggregator.class);
    }

    private static HyperLogLogCollector collector(int distinct) {
        HyperLogLogCollector collector = new HyperLogLogCollector();
        for (long i = 1; i <= distinct; i++) {
            collector.add(i * 0x9E3779B97F4A7C15L, i * 0xC2B2AE3D27D4EB4FL);
        }
        return collector;
    }

    @Test
    void shouldReturnTheIntermediateValueAsItIsForFieldAccess() throws Exception {
        HyperLogLogCollector users = collector(3);
        PostAggregator access = read("{\"type\": \"fieldAccess\", \"name\": \"u\", \"fieldName\": \"users\"}");
        Map<String, Object> values = new HashMap<>(Map.of("users", users, "added", 905L, "delta", 2.5));

        assertThat(access.compute(values, Map.of("users", new HyperUniquesAggregatorFactory("users", "user")))).isSameAs(users);
        assertThat(read("{\"type\": \"fieldAccess\", \"fieldName\": \"added\"}").compute(values, Map.of())).isEqualTo(905L);
        assertThat(read("{\"type\": \"fieldAccess\", \"fieldName\": \"delta\"}").compute(values, Map.of())).isEqualTo(2.5);
        assertThat(read("{\"type\": \"fieldAccess\", \"fieldName\": \"missing\"}").compute(values, Map.of())).isNull();
        assertThat(access.dependentFields()).containsExactly("users");
    }

    @Test
    void shouldFinalizeThroughTheAggregatorForFinalizingFieldAccess() throws Exception {
        HyperLogLogCollector users = collector(3);
        Map<String, Object> values = new HashMap<>(Map.of("users", users, "ratio", 0.5));
        values.put("empty", null);
        Map<String, AggregatorFactory> aggregators = Map.of(
                "users", new HyperUniquesAggregatorFactory("users", "user"),
                "empty", new HyperUniquesAggregatorFactory("empty", "user"));
        Map<String, AggregatorFactory> rounding = Map.of(
                "users", new HyperUniquesAggregatorFactory("users", "user", false, true));
        PostAggregator finalizing = read("{\"type\": \"finalizingFieldAccess\", \"name\": \"u\", \"fieldName\": \"users\"}");

        assertThat(finalizing.compute(values, aggregators)).isEqualTo(users.estimateCardinality());
        assertThat(finalizing.compute(values, rounding)).isEqualTo(Math.round(users.estimateCardinality()));
        assertThat(read("{\"type\": \"finalizingFieldAccess\", \"fieldName\": \"ratio\"}").compute(values, aggregators))
                .isEqualTo(0.5);
        assertThat(read("{\"type\": \"finalizingFieldAccess\", \"fieldName\": \"empty\"}").compute(values, aggregators))
                .isNull();
    }

    @Test
    void shouldReturnAConstantAsWrittenIntegersAsLongs() throws Exception {
        assertThat(read("{\"type\": \"constant\", \"name\": \"k\", \"value\": 10}").compute(Map.of(), Map.of()))
                .isInstanceOf(Long.class).isEqualTo(10L);
        assertThat(read("{\"type\": \"constant\", \"name\": \"k\", \"value\": 10.0}").compute(Map.of(), Map.of()))
                .isInstanceOf(Double.class).isEqualTo(10.0);
        assertThat(read("{\"type\": \"constant\", \"name\": \"k\", \"value\": 12345678901234}").compute(Map.of(), Map.of()))
                .isEqualTo(12_345_678_901_234L);
        assertThat(read("{\"type\": \"constant\", \"name\": \"k\", \"value\": \"7\"}").compute(Map.of(), Map.of()))
                .isEqualTo(7L);
        assertThat(read("{\"type\": \"constant\", \"value\": 1}").dependentFields()).isEmpty();
    }

    @Test
    void shouldWriteDruidsJsonWithoutNullsAndReadItBack() throws Exception {
        for (String json : new String[] {
            "{\"type\":\"fieldAccess\",\"name\":\"u\",\"fieldName\":\"users\"}",
            "{\"type\":\"fieldAccess\",\"fieldName\":\"users\"}",
            "{\"type\":\"finalizingFieldAccess\",\"name\":\"u\",\"fieldName\":\"users\"}",
            "{\"type\":\"constant\",\"name\":\"k\",\"value\":10}",
            "{\"type\":\"constant\",\"name\":\"k\",\"value\":0.25}",
        }) {
            PostAggregator post = read(json);

            assertThat(Json.mapper().writeValueAsString(post)).isEqualTo(json);
            assertThat(read(Json.mapper().writeValueAsString(post))).isEqualTo(post);
        }
    }

    @Test
    void shouldRefuseAFieldAccessWithoutFieldNameAndAConstantWithoutValue() {
        assertThatThrownBy(() -> read("{\"type\": \"fieldAccess\", \"name\": \"k\"}"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("fieldName: fieldAccess 'k' needs a fieldName");
        assertThatThrownBy(() -> read("{\"type\": \"finalizingFieldAccess\", \"name\": \"k\", \"fieldName\": \" \"}"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("fieldName: finalizingFieldAccess 'k' needs a fieldName");
        assertThatThrownBy(() -> read("{\"type\": \"constant\", \"name\": \"k\"}"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("value: constant 'k' needs a numeric value");
        assertThatThrownBy(() -> read("{\"type\": \"javascript\", \"name\": \"k\"}"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("javascript");
    }
}
