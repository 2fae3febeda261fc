package dev.tributary.core.query.postagg;

import static dev.tributary.core.spec.SpecFieldException.require;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.InvalidQueryException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What the post-aggregations over other post-aggregations share: their fields, and numbers from them. */
final class PostAggregators {
    private PostAggregators() {
    }

    /** An immutable copy of {@code fields}, refused unless it holds at least {@code min} post-aggregations. */
    static List<PostAggregator> fields(List<PostAggregator> fields, int min, String type, String name) {
        require(fields != null && fields.size() >= min, "fields", type + " '" + name + "' needs at least " + min
                + (min == 1 ? " field" : " fields") + ", not " + (fields == null ? 0 : fields.size()));
        require(fields.stream().noneMatch(Objects::isNull), "fields", type + " '" + name + "' has a null field");
        return List.copyOf(fields);
    }

    static Set<String> dependentFields(List<PostAggregator> fields) {
        Set<String> dependent = new LinkedHashSet<>();
        fields.forEach(f -> dependent.addAll(f.dependentFields()));
        return Set.copyOf(dependent);
    }

    /** What {@code field} computes as a number, or null; a clear query error when it is not a number. */
    static Number number(PostAggregator field, Map<String, Object> values, Map<String, AggregatorFactory> aggregators,
            String type, String name) {
        Object value = field.compute(values, aggregators);
        if (value == null || value instanceof Number) {
            return (Number) value;
        }
        String from = field.name() != null ? field.name() : String.join(", ", field.dependentFields());
        throw new InvalidQueryException(type + " post-aggregator '" + name + "' needs numbers, but '" + from + "' is a "
                + value.getClass().getSimpleName() + "; finalize it first (finalizingFieldAccess, or the sketch's "
                + "estimate post-aggregator)");
    }
}
