package dev.tributary.core.aggregation;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.Columns;
import dev.tributary.core.index.QueryableIndex;
import java.util.List;

/** Druid's {@code longMax}: the largest value of a field as a long; null when every value was null. */
public record LongMaxAggregatorFactory(
        @JsonProperty("name") String name,
        @JsonProperty("fieldName") String fieldName) implements AggregatorFactory {
    public LongMaxAggregatorFactory {
        require(name != null && !name.isBlank(), "name", "an aggregator needs a name");
        require(fieldName != null && !fieldName.isBlank(), "fieldName", "longMax '" + name + "' needs a fieldName");
    }

    @Override
    public List<String> requiredFields() {
        return List.of(fieldName);
    }

    @Override
    public MetricColumn newMetricColumn() {
        return new LongMetricColumn(fieldName, Math::max);
    }

    @Override
    public GroupAggregator newGroupAggregator(QueryableIndex index) {
        return new LongGroupAggregator(Columns.numeric(index, fieldName), LongGroupAggregator.Fold.MAX);
    }

    @Override
    public AggregatorFactory combining() {
        return new LongMaxAggregatorFactory(name, name);
    }

    @Override
    public Object combine(Object lhs, Object rhs) {
        return Combine.longs(lhs, rhs, Math::max);
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
