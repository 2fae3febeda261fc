package dev.tributary.core.spec;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Druid's {@code inputFormat} (and the legacy {@code parseSpec.format}): only {@code json} for now. */
public record InputFormatSpec(
        @JsonProperty("type") String type,
        @JsonProperty("flattenSpec") FlattenSpec flattenSpec,
        @JsonProperty("keepNullColumns") Boolean keepNullColumns,
        @JsonProperty("featureSpec") java.util.Map<String, Boolean> featureSpec) {
    public InputFormatSpec {
        type = type == null ? "json" : type;
        require("json".equals(type), "type", "input format '" + type + "' is not supported; use json");
        keepNullColumns = Boolean.TRUE.equals(keepNullColumns);
        featureSpec = featureSpec == null ? java.util.Map.of() : java.util.Map.copyOf(featureSpec);
    }

    public static InputFormatSpec json() {
        return new InputFormatSpec(null, null, null, null);
    }
}
