package dev.tributary.core.spec;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.input.transform.Expr;
import dev.tributary.core.input.transform.ExprParser;
import dev.tributary.core.query.filter.DimFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Druid's {@code transformSpec}: expression transforms computed on each event (they may rename, copy,
 * combine or replace fields, {@code __time} included), then a filter; events the filter rejects are
 * counted as thrownAway.
 */
public record TransformSpec(
        @JsonProperty("filter") DimFilter filter,
        @JsonProperty("transforms") List<ExpressionTransform> transforms) {
    public TransformSpec {
        transforms = transforms == null ? List.of() : List.copyOf(transforms);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < transforms.size(); i++) {
            require(names.add(transforms.get(i).name()), "transforms[" + i + "].name",
                    "'" + transforms.get(i).name() + "' is computed twice");
        }
    }

    /** {@code {"type": "expression", "name": ..., "expression": ...}}: the field {@code name} becomes the expression's value. */
    public record ExpressionTransform(
            @JsonProperty("type") String type,
            @JsonProperty("name") String name,
            @JsonProperty("expression") String expression) {
        public ExpressionTransform {
            type = type == null ? "expression" : type;
            require("expression".equals(type), "type", "transform type '" + type + "' is not supported; use expression");
            require(name != null && !name.isBlank(), "name", "a transform needs a name");
            require(expression != null && !expression.isBlank(), "expression", "a transform needs an expression");
            try {
                ExprParser.parse(expression);
            } catch (IllegalArgumentException e) {
                throw new SpecFieldException("expression", e.getMessage());
            }
        }

        /** The parsed expression. */
        public Expr parsed() {
            return ExprParser.parse(expression);
        }
    }
}
