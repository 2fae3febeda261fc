package dev.tributary.core.aggregation;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.Columns;
import dev.tributary.core.index.QueryableIndex;
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
    public MetricColumn newMetricColumn() {
        return new LongMetricColumn(fieldName, Long::sum);
    }

    @Override
    public GroupAggregator newGroupAggregator(QueryableIndex index) {
        return new LongGroupAggregator(Columns.numeric(index, fieldName), LongGroupAggregator.Fold.SUM);
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
    public Object deserialize(Object serialized) {
        return Values.asLong(serialized);
    }

    @Override
    public ColumnType intermediateType() {
        return ColumnType.LONG;
    }
}
