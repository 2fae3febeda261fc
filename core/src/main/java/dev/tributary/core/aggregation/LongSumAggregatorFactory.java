package dev.tributary.core.aggregation;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Druid's {@code longSum}: the sum of a field as a long; null when every value was null. */
public record LongSumAggregatorFactory(
        @JsonProperty("name") String name,
        @JsonProperty("fieldName") String fieldName) implements AggregatorFactory {
    public LongSumAggregatorFactory {
        require(name != null && !name.isBlank(), "name", "an aggregator needs a name");
        require(fieldName != null && !fieldName.isBlank(), "fieldName", "longSum '" + name + "' needs a fieldName");
    }

    @Override
    public List<String> requiredFields() {
        return List.of(fieldName);
    }

    @Override
    public Aggregator factorize(ColumnSelectorFactory columns) {
        ColumnValueSelector selector = columns.makeSelector(fieldName);
        return new Aggregator() {
            private long sum;
            private boolean seen;

            @Override
            public void aggregate() {
                if (!selector.isNull()) {
                    sum += selector.getLong();
                    seen = true;
                }
            }

            @Override
            public Object get() {
                return seen ? sum : null;
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
