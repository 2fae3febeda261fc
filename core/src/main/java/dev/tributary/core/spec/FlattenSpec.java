package dev.tributary.core.spec;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Druid's {@code flattenSpec}: how nested JSON fields become top-level input fields. Field
 * discovery of top-level fields is supported; JSONPath {@code fields} are not yet and are refused.
 */
public record FlattenSpec(
        @JsonProperty("useFieldDiscovery") Boolean useFieldDiscovery,
        @JsonProperty("fields") List<Map<String, Object>> fields) {
    public FlattenSpec {
        useFieldDiscovery = useFieldDiscovery == null ? Boolean.TRUE : useFieldDiscovery;
        fields = fields == null ? List.of() : List.copyOf(fields);
        require(fields.isEmpty(), "fields", "JSONPath flattening is not supported yet; remove flattenSpec.fields");
    }
}
