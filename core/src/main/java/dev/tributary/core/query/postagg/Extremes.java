package dev.tributary.core.query.postagg;

import dev.tributary.core.aggregation.AggregatorFactory;
import java.util.List;
import java.util.Map;

/**
 * The greatest or least of some fields, as Druid's {@code doubleGreatest}, {@code doubleLeast},
 * {@code longGreatest} and {@code longLeast} compute it: null fields are skipped, and the result is null
 * only when every field is. Doubles compare as {@link Double#compare} does, so NaN is the greatest.
 */
final class Extremes {
    private Extremes() {
    }

    static Double doubles(List<PostAggregator> fields, boolean greatest, Map<String, Object> values,
            Map<String, AggregatorFactory> aggregators, String type, String name) {
        Double result = null;
        for (PostAggregator field : fields) {
            Number n = PostAggregators.number(field, values, aggregators, type, name);
            if (n != null) {
                double d = n.doubleValue();
                if (result == null || (greatest ? Double.compare(d, result) > 0 : Double.compare(d, result) < 0)) {
                    result = d;
                }
            }
        }
        return result;
    }

    static Long longs(List<PostAggregator> fields, boolean greatest, Map<String, Object> values,
            Map<String, AggregatorFactory> aggregators, String type, String name) {
        Long result = null;
        for (PostAggregator field : fields) {
            Number n = PostAggregators.number(field, values, aggregators, type, name);
            if (n != null) {
                long l = n.longValue();
                if (result == null || (greatest ? l > result : l < result)) {
                    result = l;
                }
            }
        }
        return result;
    }
}
