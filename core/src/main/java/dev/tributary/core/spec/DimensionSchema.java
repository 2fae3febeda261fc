package dev.tributary.core.spec;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Set;

/**
 * One dimension of {@code dimensionsSpec.dimensions}: either a bare name (a string dimension) or
 * Druid's object form {@code {"type": "long", "name": "len"}}.
 *
 * @param type {@code string} (default), {@code long}, {@code float} or {@code double}
 * @param multiValueHandling {@code sorted_array} (default), {@code sorted_set} or {@code array}
 * @param createBitmapIndex accepted for compatibility; Tributary always indexes string dimensions
 */
public record DimensionSchema(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("multiValueHandling") String multiValueHandling,
        @JsonProperty("createBitmapIndex") Boolean createBitmapIndex) {
    public static final Set<String> TYPES = Set.of("string", "long", "float", "double");
    public static final Set<String> MULTI_VALUE_HANDLING = Set.of("sorted_array", "sorted_set", "array");

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public DimensionSchema {
        require(name != null && !name.isBlank(), "name", "a dimension needs a name");
        type = type == null ? "string" : type.toLowerCase(Locale.ROOT);
        require(TYPES.contains(type), "type",
                "dimension '" + name + "' has type '" + type + "'; use one of " + new java.util.TreeSet<>(TYPES));
        multiValueHandling = multiValueHandling == null ? "sorted_array" : multiValueHandling.toLowerCase(Locale.ROOT);
        require(MULTI_VALUE_HANDLING.contains(multiValueHandling), "multiValueHandling",
                "'" + multiValueHandling + "' is not one of " + new java.util.TreeSet<>(MULTI_VALUE_HANDLING));
        createBitmapIndex = createBitmapIndex == null ? Boolean.TRUE : createBitmapIndex;
    }

    /** A string dimension named {@code name}: what a bare name in the spec means. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DimensionSchema ofName(String name) {
        return new DimensionSchema(name, null, null, null);
    }

    public boolean isString() {
        return "string".equals(type);
    }
}
