package dev.tributary.core.aggregation;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.index.QueryableIndex;
import java.util.Arrays;
import java.util.List;

/** Druid's {@code count}: how many rows (at ingest: events) were aggregated. Never null. */
public record CountAggregatorFactory(@JsonProperty("name") String name) implements AggregatorFactory {
    public CountAggregatorFactory {
        require(name != null && !name.isBlank(), "name", "an aggregator needs a name");
    }

    @Override
    public List<String> requiredFields() {
        return List.of();
    }

    @Override
    public MetricColumn newMetricColumn() {
        return new LongMetricColumn(null, Long::sum);
    }

    @Override
    public GroupAggregator newGroupAggregator(QueryableIndex index) {
        return new GroupAggregator() {
            private long[] counts = new long[0];

            @Override
            public void ensureCapacity(int slots) {
                if (slots > counts.length) {
                    counts = Arrays.copyOf(counts, Math.max(slots, counts.length * 2));
                }
            }

            @Override
            public void aggregate(int slot, int row) {
                counts[slot]++;
            }

            @Override
            public void aggregateBatch(int[] slots, int start, int end) {
                for (int i = 0; i < end - start; i++) {
                    if (slots[i] >= 0) {
                        counts[slots[i]]++;
                    }
                }
            }

            @Override
            public void aggregateRange(int slot, int start, int end) {
                counts[slot] += Math.max(0, end - start);
            }

            @Override
            public Object get(int slot) {
                return counts[slot];
            }
        };
    }

    @Override
    public AggregatorFactory combining() {
        return new LongSumAggregatorFactory(name, name);
    }

    @Override
    public Object combine(Object lhs, Object rhs) {
        return Combine.longs(lhs, rhs, Long::sum);
    }

    @Override
    public Object emptyValue() {
        return 0L;
    }

    @Override
    public Object deserialize(Object serialized) {
        return Values.asLong(serialized);
    }

    @Override
    public ColumnType intermediateType() {
        return ColumnType.LONG;
    }
}
