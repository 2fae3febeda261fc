package dev.tributary.core.query.topn;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.tributary.core.Json;
import dev.tributary.core.query.filter.StringOrdering;
import java.util.Map;

/**
 * How a topN ranks dimension values, read from Druid's forms: a metric name or
 * {@code {"type": "numeric", "metric": m}} (by that aggregator or post-aggregator, largest first);
 * {@code {"type": "dimension", "ordering": o, "previousStop": s}} and the legacy
 * {@code lexicographic}/{@code alphaNumeric} types (by the value itself, ascending, after
 * {@code previousStop}); {@code {"type": "inverted", "metric": spec}} reverses another spec.
 *
 * @param metric       the metric ranked by, or null to rank by dimension value
 * @param ordering     the dimension value order, when {@code metric} is null
 * @param previousStop only values after this one (in {@code ordering}) are ranked; null for all
 * @param inverted     whether the order is reversed
 */
public record TopNMetricSpec(String metric, StringOrdering ordering, String previousStop, boolean inverted) {

    /** Ranking by a metric, largest first. */
    public static TopNMetricSpec numeric(String metric) {
        return new TopNMetricSpec(metric, null, null, false);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TopNMetricSpec fromJson(Object json) {
        if (json instanceof String name) {
            return numeric(name);
        }
        if (!(json instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a topN metric is a metric name or an object with a type, not " + json);
        }
        Object type = map.get("type");
        if (type == null) {
            throw new IllegalArgumentException("a topN metric object needs a type: numeric, inverted, dimension, lexicographic or alphaNumeric");
        }
        switch (String.valueOf(type)) {
            case "numeric" -> {
                if (!(map.get("metric") instanceof String name)) {
                    throw new IllegalArgumentException("a numeric topN metric needs a metric name");
                }
                return numeric(name);
            }
            case "inverted" -> {
                if (map.get("metric") == null) {
                    throw new IllegalArgumentException("an inverted topN metric needs the metric it inverts");
                }
                TopNMetricSpec delegate = fromJson(map.get("metric"));
                return new TopNMetricSpec(delegate.metric, delegate.ordering, delegate.previousStop, !delegate.inverted);
            }
            case "dimension" -> {
                Object ordering = map.get("ordering");
                return new TopNMetricSpec(null, ordering == null ? StringOrdering.LEXICOGRAPHIC : StringOrdering.fromJson(Json.mapper().valueToTree(ordering)),
                        text(map.get("previousStop")), false);
            }
            case "lexicographic" -> {
                return new TopNMetricSpec(null, StringOrdering.LEXICOGRAPHIC, text(map.get("previousStop")), false);
            }
            case "alphaNumeric" -> {
                return new TopNMetricSpec(null, StringOrdering.ALPHANUMERIC, text(map.get("previousStop")), false);
            }
            default -> throw new IllegalArgumentException("unknown topN metric type '" + type
                    + "'; known types are [numeric, inverted, dimension, lexicographic, alphaNumeric]");
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
