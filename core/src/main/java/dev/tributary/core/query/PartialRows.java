package dev.tributary.core.query;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.time.DateTimes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the partial results data servers send back ({@link ResultForm#PARTIAL}), as Jackson parses
 * JSON: maps, lists, strings, Integer or Long for integers, Double for decimals. Shared by the
 * per-query-type merges, which turn these back into their engines' intermediate forms.
 */
public final class PartialRows {
    private PartialRows() {
    }

    /** A data server's context: {@code query}'s, asking for partial results, without {@code dropped} keys. */
    public static Map<String, Object> context(Map<String, Object> context, String... dropped) {
        Map<String, Object> partial = new LinkedHashMap<>(context);
        Arrays.asList(dropped).forEach(partial::remove);
        partial.put(ResultForm.FINALIZE_KEY, false);
        partial.put(ResultForm.PARTIAL_KEY, true);
        return partial;
    }

    /** The rows of one partial result: JSON objects. */
    public static List<Map<String, Object>> rows(List<?> partial) {
        List<Map<String, Object>> rows = new ArrayList<>(partial.size());
        for (Object row : partial) {
            rows.add(object(row));
        }
        return rows;
    }

    /** A JSON object of a partial result. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a partial result row is a JSON object, not " + json);
        }
        return (Map<String, Object>) map;
    }

    /** A JSON array of a partial result; null reads as empty. */
    public static List<?> array(Object json) {
        if (json == null) {
            return List.of();
        }
        if (!(json instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a JSON array in a partial result, not " + json);
        }
        return list;
    }

    /** A printed result timestamp (any zone offset) as epoch milliseconds. */
    public static long time(Object timestamp) {
        if (!(timestamp instanceof String text)) {
            throw new IllegalArgumentException("a partial result timestamp is ISO-8601 text, not " + timestamp);
        }
        return DateTimes.parseIso(text);
    }

    /**
     * The aggregator values of one partial row, in the order of {@code aggregators}, each read back into
     * its intermediate form ({@link AggregatorFactory#deserialize}); absent or null means nothing aggregated.
     */
    public static Object[] intermediates(Map<String, Object> row, List<AggregatorFactory> aggregators) {
        Object[] values = new Object[aggregators.size()];
        for (int a = 0; a < values.length; a++) {
            Object serialized = row.get(aggregators.get(a).name());
            values[a] = serialized == null ? null : aggregators.get(a).deserialize(serialized);
        }
        return values;
    }

    /** Folds {@code values} into {@code into} with each aggregator's combine. */
    public static void combine(Object[] into, Object[] values, List<AggregatorFactory> aggregators) {
        for (int a = 0; a < into.length; a++) {
            into[a] = aggregators.get(a).combine(into[a], values[a]);
        }
    }

    /** A JSON integer (Integer or Long as Jackson reads it) as a long. */
    public static long whole(Object number) {
        if (!(number instanceof Number n)) {
            throw new IllegalArgumentException("expected a number in a partial result, not " + number);
        }
        return n.longValue();
    }
}
