package dev.tributary.core.aggregation;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.Columns;
import dev.tributary.core.index.QueryableIndex;
import java.util.List;

/** Druid's {@code doubleMin}: the smallest value of a field as a double; null when every value was null. */
public record DoubleMinAggregatorFactory(
        @JsonProperty("name") String name,
        @JsonProperty("fieldName") String fieldName) implements AggregatorFactory {
    public DoubleMinAggregatorFactory {
        require(name != null && !name.isBlank(), "name", "an aggregator needs a name");
        require(fieldName != null && !fieldName.isBlank(), "fieldName", "doubleMin '" + name + "' needs a fieldName");
    }

    @Override
    public List<String> requiredFields() {
        return List.of(fieldName);
    }

    @Override
    public MetricColumn newMetricColumn() {
        return new DoubleMetricColumn(fieldName, Math::min, ColumnType.DOUBLE);
    }

    @Override
    public GroupAggregator newGroupAggregator(QueryableIndex index) {
        return new DoubleGroupAggregator(Columns.numeric(index, fieldName), DoubleGroupAggregator.Fold.MIN, false);
    }

    @Override
    public AggregatorFactory combining() {
        return new DoubleMinAggregatorFactory(name, name);
    }

    @Override
    public Object combine(Object lhs, Object rhs) {
        return Combine.doubles(lhs, rhs, Math::min);
    }

    @Override
    public Object deserialize(Object serialized) {
        return Values.asDouble(serialized);
    }

    @Override
    public ColumnType intermediateType() {
        return ColumnType.DOUBLE;
    }
}
