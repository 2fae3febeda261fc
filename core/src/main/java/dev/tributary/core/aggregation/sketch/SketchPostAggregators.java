package dev.tributary.core.aggregation.sketch;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.InvalidQueryException;
import dev.tributary.core.query.postagg.PostAggregator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the sketch post-aggregators share: reading a sketch from a field, and field dependencies. */
final class SketchPostAggregators {
    private SketchPostAggregators() {
    }

    /** The sketch {@code field} computes, or a clear query error when it computes something else. */
    static <T> T sketch(String postAggregatorType, String postAggregatorName, PostAggregator field, Class<T> type,
            String typeName, Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        Object value = field.compute(values, aggregators);
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw new InvalidQueryException(postAggregatorType + " [" + postAggregatorName + "] needs a " + typeName
                + " sketch from [" + field.name() + "], got " + (value == null ? "null" : value.getClass().getSimpleName())
                + " (use fieldAccess, not finalizingFieldAccess)");
    }

    static Set<String> dependentFields(List<PostAggregator> fields) {
        Set<String> dependent = new LinkedHashSet<>();
        fields.forEach(f -> dependent.addAll(f.dependentFields()));
        return dependent;
    }
}
