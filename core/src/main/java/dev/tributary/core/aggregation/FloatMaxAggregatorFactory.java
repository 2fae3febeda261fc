package dev.tributary.core.aggregation;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.Columns;
import dev.tributary.core.index.QueryableIndex;
import java.util.List;

/** Druid's {@code floatMax}: the largest value of a field as a float; null when every value was null. */
public record FloatMaxAggregatorFactory(
        @JsonProperty("name") String name,
        @JsonProperty("fieldName") String fieldName) implements AggregatorFactory {
    public FloatMaxAggregatorFactory {
        require(name != null && !name.isBlank(), "name", "an aggregator needs a name");
        require(fieldName != null && !fieldName.isBlank(), "fieldName", "floatMax '" + name + "' needs a fieldName");
    }

    @Override
    public List<String> requiredFields() {
        return List.of(fieldName);
    }

    @Override
    public MetricColumn newMetricColumn() {
        return new DoubleMetricColumn(fieldName, Math::max, ColumnType.FLOAT);
    }

    @Override
    public GroupAggregator newGroupAggregator(QueryableIndex index) {
        return new DoubleGroupAggregator(Columns.numeric(index, fieldName), DoubleGroupAggregator.Fold.MAX, true);
    }

    @Override
    public AggregatorFactory combining() {
        return new FloatMaxAggregatorFactory(name, name);
    }

    @Override
    public Object combine(Object lhs, Object rhs) {
        return Combine.floats(lhs, rhs, Math::max);
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
