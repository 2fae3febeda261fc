package dev.tributary.core.spec;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Druid's {@code flattenSpec}: how nested JSON becomes top-level fields. With
 * {@code useFieldDiscovery} (the default) every top-level field whose value is not an object is kept;
 * each entry of {@code fields} adds one field, from a top-level field ({@code root}), a JSONPath
 * expression ({@code path}, including functions such as {@code $.values.length()}) or a list of
 * nested keys ({@code tree}).
 */
public record FlattenSpec(
        @JsonProperty("useFieldDiscovery") Boolean useFieldDiscovery,
        @JsonProperty("fields") List<Field> fields) {
    public FlattenSpec {
        useFieldDiscovery = useFieldDiscovery == null ? Boolean.TRUE : useFieldDiscovery;
        fields = fields == null ? List.of() : List.copyOf(fields);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            require(names.add(fields.get(i).name()), "fields[" + i + "].name", "'" + fields.get(i).name() + "' is defined twice");
        }
    }

    /** One flattened field. */
    public record Field(
            @JsonProperty("type") String type,
            @JsonProperty("name") String name,
            @JsonProperty("expr") String expr,
            @JsonProperty("nodes") List<String> nodes) {
        public Field {
            type = type == null ? "path" : type;
            require(name != null && !name.isBlank(), "name", "a flattened field needs a name");
            switch (type) {
                case "root" -> expr = expr == null ? name : expr;
                case "path" -> {
                    require(expr != null && !expr.isBlank(), "expr", "a path field needs a JSONPath expr such as $.a.b");
                    try {
                        JsonPath.compile(expr);
                    } catch (InvalidPathException e) {
                        throw new SpecFieldException("expr", "'" + expr + "' is not a valid JSONPath: " + e.getMessage());
                    }
                }
                case "tree" -> require(nodes != null && !nodes.isEmpty(), "nodes", "a tree field needs its list of nodes");
                default -> throw new SpecFieldException("type", "'" + type + "' is not supported; use root, path or tree");
            }
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
        }
    }
}
