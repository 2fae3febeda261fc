package dev.tributary.core.aggregation;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.Columns;
import dev.tributary.core.index.QueryableIndex;
import java.util.List;

/** Druid's {@code floatSum}: the sum of a field in float precision; null when every value was null. */
public record FloatSumAggregatorFactory(
        @JsonProperty("name") String name,
        @JsonProperty("fieldName") String fieldName) implements AggregatorFactory {
    public FloatSumAggregatorFactory {
        require(name != null && !name.isBlank(), "name", "an aggregator needs a name");
        require(fieldName != null && !fieldName.isBlank(), "fieldName", "floatSum '" + name + "' needs a fieldName");
    }

    @Override
    public List<String> requiredFields() {
        return List.of(fieldName);
    }

    @Override
    public MetricColumn newMetricColumn() {
        return new DoubleMetricColumn(fieldName, Double::sum, ColumnType.FLOAT);
    }

    @Override
    public GroupAggregator newGroupAggregator(QueryableIndex index) {
        return new DoubleGroupAggregator(Columns.numeric(index, fieldName), DoubleGroupAggregator.Fold.SUM, true);
    }

    @Override
    public AggregatorFactory combining() {
        return new FloatSumAggregatorFactory(name, name);
    }

    @Override
    public Object combine(Object lhs, Object rhs) {
        return Combine.floats(lhs, rhs, Double::sum);
    }

    @Override
    public Object deserialize(Object serialized) {
        return Values.asFloat(serialized);
    }

    @Override
    public ColumnType intermediateType() {
        return ColumnType.FLOAT;
    }
}
