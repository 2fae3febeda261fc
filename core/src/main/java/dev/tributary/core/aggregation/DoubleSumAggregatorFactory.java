package dev.tributary.core.aggregation;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.Columns;
import dev.tributary.core.index.QueryableIndex;
import java.util.List;

/** Druid's {@code doubleSum}: the sum of a field as a double; null when every value was null. */
public record DoubleSumAggregatorFactory(
        @JsonProperty("name") String name,
        @JsonProperty("fieldName") String fieldName) implements AggregatorFactory {
    public DoubleSumAggregatorFactory {
        require(name != null && !name.isBlank(), "name", "an aggregator needs a name");
        require(fieldName != null && !fieldName.isBlank(), "fieldName", "doubleSum '" + name + "' needs a fieldName");
    }

    @Override
    public List<String> requiredFields() {
        return List.of(fieldName);
    }

    @Override
    public MetricColumn newMetricColumn() {
        return new DoubleMetricColumn(fieldName, Double::sum, ColumnType.DOUBLE);
    }

    @Override
    public GroupAggregator newGroupAggregator(QueryableIndex index) {
        return new DoubleGroupAggregator(Columns.numeric(index, fieldName), DoubleGroupAggregator.Fold.SUM, false);
    }

    @Override
    public AggregatorFactory combining() {
        return new DoubleSumAggregatorFactory(name, name);
    }

    @Override
    public Object combine(Object lhs, Object rhs) {
        return Combine.doubles(lhs, rhs, Double::sum);
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
