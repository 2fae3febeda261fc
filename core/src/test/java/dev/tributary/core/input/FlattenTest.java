package dev.tributary.core.input;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.FlattenSpec;
import dev.tributary.core.spec.InvalidSpecException;
import dev.tributary.core.spec.SpecReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlattenTest {
    private static final DataSchema SCHEMA = SpecReader.read("""
            {"dataSource": "f", "timestampSpec": {"column": "timestamp", "format": "iso"}}""", DataSchema.class);

    private static InputRow parse(String flatten, String event) {
        FlattenSpec spec = SpecReader.read(flatten, FlattenSpec.class);
        return new JsonInputRowParser(SCHEMA, spec).parse(event.getBytes(UTF_8));
    }

    @Test
    void shouldComputeJsonPathFunctionsAsDruidsConformanceSpecDoes() {
        InputRow row = parse("""
                {"useFieldDiscovery": true, "fields": [
                  {"type": "path", "name": "len", "expr": "$.values.length()"},
                  {"type": "path", "name": "min", "expr": "$.values.min()"},
                  {"type": "path", "name": "max", "expr": "$.values.max()"},
                  {"type": "path", "name": "sum", "expr": "$.values.sum()"}]}""",
                "{\"timestamp\": \"2013-08-31T01:02:33Z\", \"values\": [0,1,2,3,4]}");
        assertThat(row.get("len")).isEqualTo(5L);
        assertThat(row.get("min")).isEqualTo(0.0);
        assertThat(row.get("max")).isEqualTo(4.0);
        assertThat(row.get("sum")).isEqualTo(10.0);
        assertThat(row.get("values")).isEqualTo(List.of(0L, 1L, 2L, 3L, 4L));
    }

    @Test
    void shouldReadNestedFieldsByPathRootAndTree() {
        InputRow row = parse("""
                {"fields": [
                  {"type": "path", "name": "city", "expr": "$.geo.city"},
                  {"type": "root", "name": "who", "expr": "user"},
                  {"type": "tree", "name": "lat", "nodes": ["geo", "pos", "lat"]},
                  {"type": "path", "name": "nothing", "expr": "$.geo.missing"}]}""",
                "{\"timestamp\": \"2013-08-31T01:02:33Z\", \"user\": \"ann\", \"geo\": {\"city\": \"Delft\", \"pos\": {\"lat\": 52.0}}}");
        assertThat(row.get("city")).isEqualTo("Delft");
        assertThat(row.get("who")).isEqualTo("ann");
        assertThat(row.get("lat")).isEqualTo(52.0);
        assertThat(row.get("nothing")).isNull();
        assertThat(row.fields()).doesNotContainKey("geo");
        assertThat(row.dimensions()).contains("city", "who", "user").doesNotContain("geo", "timestamp");
    }

    @Test
    void shouldKeepOnlyExplicitFieldsWithoutDiscovery() {
        InputRow row = parse("""
                {"useFieldDiscovery": false, "fields": [{"type": "root", "name": "timestamp"}, {"type": "root", "name": "user"}]}""",
                "{\"timestamp\": \"2013-08-31T01:02:33Z\", \"user\": \"ann\", \"page\": \"Lake\"}");
        assertThat(row.fields()).containsOnlyKeys("timestamp", "user");
    }

    @Test
    void shouldRefuseAnInvalidJsonPathNamingTheField() {
        assertThatThrownBy(() -> SpecReader.read("{\"fields\": [{\"type\": \"path\", \"name\": \"x\", \"expr\": \"$..[\"}]}", FlattenSpec.class))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("fields[0].expr");
    }
}
