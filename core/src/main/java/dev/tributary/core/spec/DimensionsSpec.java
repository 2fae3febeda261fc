package dev.tributary.core.spec;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which input fields become dimensions: Druid's {@code dimensionsSpec}. An empty {@code dimensions}
 * list means schemaless: every field that is not the timestamp, a metric's input or name, or excluded.
 */
public record DimensionsSpec(
        @JsonProperty("dimensions") List<DimensionSchema> dimensions,
        @JsonProperty("dimensionExclusions") List<String> dimensionExclusions,
        @JsonProperty("spatialDimensions") List<Object> spatialDimensions,
        @JsonProperty("includeAllDimensions") Boolean includeAllDimensions,
        @JsonProperty("useSchemaDiscovery") Boolean useSchemaDiscovery) {

    public DimensionsSpec {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        dimensionExclusions = dimensionExclusions == null ? List.of() : List.copyOf(dimensionExclusions);
        spatialDimensions = spatialDimensions == null ? List.of() : List.copyOf(spatialDimensions);
        includeAllDimensions = Boolean.TRUE.equals(includeAllDimensions);
        useSchemaDiscovery = Boolean.TRUE.equals(useSchemaDiscovery);
        require(spatialDimensions.isEmpty(), "spatialDimensions", "spatial dimensions are not supported");
        require(!includeAllDimensions, "includeAllDimensions", "is not supported yet; list the dimensions, or list none for schemaless ingestion");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < dimensions.size(); i++) {
            String name = dimensions.get(i).name();
            require(seen.add(name), "dimensions[" + i + "]", "dimension '" + name + "' is listed twice");
            require(!name.equals("__time"), "dimensions[" + i + "]", "'__time' is reserved for the timestamp");
        }
    }

    /** No dimensions listed: every eligible input field becomes a string dimension. */
    public static DimensionsSpec schemaless() {
        return new DimensionsSpec(null, null, null, null, null);
    }

    public boolean isSchemaless() {
        return dimensions.isEmpty();
    }
}
