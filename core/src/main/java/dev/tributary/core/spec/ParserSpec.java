package dev.tributary.core.spec;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/**
 * The legacy {@code dataSchema.parser} form: {@code {"type": "string", "parseSpec": {"format": "json",
 * "timestampSpec": ..., "dimensionsSpec": ...}}}. Read so that old Druid specs carry over.
 */
public record ParserSpec(
        @JsonProperty("type") String type,
        @JsonProperty("parseSpec") ParseSpec parseSpec,
        @JsonProperty("encoding") String encoding) {
    public ParserSpec {
        type = type == null ? "string" : type;
        require(Set.of("string", "map").contains(type), "type", "parser type '" + type + "' is not supported; use string");
        require(parseSpec != null, "parseSpec", "the legacy parser needs a parseSpec");
        require(encoding == null || "UTF-8".equalsIgnoreCase(encoding), "encoding", "only UTF-8 is supported");
    }

    /** The inner {@code parseSpec}. */
    public record ParseSpec(
            @JsonProperty("format") String format,
            @JsonProperty("timestampSpec") TimestampSpec timestampSpec,
            @JsonProperty("dimensionsSpec") DimensionsSpec dimensionsSpec,
            @JsonProperty("flattenSpec") FlattenSpec flattenSpec,
            @JsonProperty("featureSpec") java.util.Map<String, Boolean> featureSpec) {
        public ParseSpec {
            format = format == null ? "json" : format;
            require("json".equals(format), "format", "parse format '" + format + "' is not supported; use json");
        }
    }
}
