package dev.tributary.core.aggregation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tributary.core.Json;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.filter.DimFilter;
import dev.tributary.core.query.filter.RowMatcher;
import dev.tributary.core.time.Interval;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs aggregators the way a query engine does, without one: a {@link GroupAggregator} per factory,
 * rows folded into slots inside {@link QueryableIndex#scan}, then {@code get}, {@code combine} and
 * {@code finalizeValue}. Aggregators and values are written and read as JSON text, as clients do.
 */
public final class Aggregations {
    private Aggregations() {
    }

    /** An aggregator from its Druid JSON. */
    public static AggregatorFactory factory(String json) {
        try {
            return Json.mapper().readValue(json, AggregatorFactory.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The intermediate value of {@code factory} over every row of {@code index}: one slot, null if no row had a value. */
    public static Object intermediate(AggregatorFactory factory, QueryableIndex index) {
        return intermediate(factory, index, null, Interval.ETERNITY);
    }

    /** The intermediate value over the rows in {@code interval} that {@code filter} (if any) matches. */
    public static Object intermediate(AggregatorFactory factory, QueryableIndex index, DimFilter filter, Interval interval) {
        GroupAggregator aggregator = factory.newGroupAggregator(index);
        aggregator.ensureCapacity(1);
        RowMatcher matcher = filter == null ? RowMatcher.ALL : filter.makeMatcher(index);
        index.scan((start, end) -> {
            for (int row = start; row < end; row++) {
                if (interval.contains(index.time().getLong(row)) && matcher.matches(row)) {
                    aggregator.aggregate(0, row);
                }
            }
        });
        return aggregator.get(0);
    }

    /** Intermediate values per value of a single-valued string dimension (null rows under key null), in first-seen order. */
    public static Map<String, Object> intermediatesBy(AggregatorFactory factory, QueryableIndex index, String dimension) {
        var column = (dev.tributary.core.column.StringColumn) index.column(dimension);
        GroupAggregator aggregator = factory.newGroupAggregator(index);
        Map<String, Integer> slots = new LinkedHashMap<>();
        index.scan((start, end) -> {
            for (int row = start; row < end; row++) {
                String key = column.lookupName(column.getId(row));
                int slot = slots.computeIfAbsent(key, k -> slots.size());
                aggregator.ensureCapacity(slots.size());
                aggregator.aggregate(slot, row);
            }
        });
        Map<String, Object> values = new LinkedHashMap<>();
        slots.forEach((key, slot) -> values.put(key, aggregator.get(slot)));
        return values;
    }

    /** What a client sees for an intermediate value: the empty value when nothing was aggregated, finalized. */
    public static Object finalized(AggregatorFactory factory, Object intermediate) {
        Object value = intermediate == null ? factory.emptyValue() : intermediate;
        return value == null ? null : factory.finalizeValue(value);
    }

    /** The finalized value of {@code factory} over every row of {@code index}. */
    public static Object result(AggregatorFactory factory, QueryableIndex index) {
        return finalized(factory, intermediate(factory, index));
    }

    /** A value as the HTTP layer writes it. */
    public static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
