package dev.tributary.core.aggregation;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
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
    public Aggregator factorize(ColumnSelectorFactory columns) {
        return new Aggregator() {
            private long count;

            @Override
            public void aggregate() {
                count++;
            }

            @Override
            public Object get() {
                return count;
            }
        };
    }

    @Override
    public AggregatorFactory combining() {
        return new LongSumAggregatorFactory(name, name);
    }

    @Override
    public Object combine(Object lhs, Object rhs) {
        return Combine.combineLongs(lhs, rhs);
    }
}
