package dev.tributary.core.spec;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Druid's {@code transformSpec}. Not supported yet: a spec with a filter or transforms is refused. */
public record TransformSpec(
        @JsonProperty("filter") Object filter,
        @JsonProperty("transforms") List<Object> transforms) {
    public TransformSpec {
        transforms = transforms == null ? List.of() : List.copyOf(transforms);
        require(filter == null, "filter", "transformSpec filters are not supported yet");
        require(transforms.isEmpty(), "transforms", "transformSpec transforms are not supported yet");
    }
}
