package dev.tributary.core.spec;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Druid realtime ingestion spec: {@code {"dataSchema": ..., "ioConfig": ..., "tuningConfig": ...}}.
 * Read it with {@link SpecReader}, which names the offending field of a bad spec.
 */
public record IngestionSpec(
        @JsonProperty("dataSchema") DataSchema dataSchema,
        @JsonProperty("ioConfig") IoConfig ioConfig,
        @JsonProperty("tuningConfig") TuningConfig tuningConfig) {
    public IngestionSpec {
        require(dataSchema != null, "dataSchema", "is required");
        require(ioConfig != null, "ioConfig", "is required");
        tuningConfig = tuningConfig == null ? TuningConfig.defaults() : tuningConfig;
        require(dataSchema.flattenSpec() == null || ioConfig.inputFormat().flattenSpec() == null,
                "ioConfig.inputFormat.flattenSpec", "is also given in dataSchema.parser.parseSpec; keep one");
    }

    /** The flattenSpec in force: the inputFormat's, or the legacy parseSpec's; null for none. */
    public FlattenSpec flattenSpec() {
        return ioConfig.inputFormat().flattenSpec() != null ? ioConfig.inputFormat().flattenSpec() : dataSchema.flattenSpec();
    }
}
