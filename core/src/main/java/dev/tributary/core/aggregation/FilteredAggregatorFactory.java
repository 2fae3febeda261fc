package dev.tributary.core.aggregation;

import dev.tributary.core.input.EventRowIndex;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.core.Json;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.query.filter.DimFilter;
import dev.tributary.core.query.filter.RowMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Druid's {@code filtered}: {@code aggregator} over only the rows (at ingest: the events) that
 * {@code filter} matches. With no match the result is the aggregator's empty value: 0 for a count,
 * null for a sum. {@code name} defaults to the aggregator's; a different name renames the aggregator,
 * so the metric column, the result and the combining factory all carry it.
 */
public record FilteredAggregatorFactory(
        @JsonProperty("name") String name,
        @JsonProperty("filter") DimFilter filter,
        @JsonProperty("aggregator") AggregatorFactory aggregator) implements AggregatorFactory {
    public FilteredAggregatorFactory {
        require(aggregator != null, "aggregator", "a filtered aggregator needs an aggregator");
        require(filter != null, "filter", "filtered '" + (name != null ? name : aggregator.name()) + "' needs a filter");
        if (name == null) {
            name = aggregator.name();
        } else if (!name.equals(aggregator.name())) {
            aggregator = renamed(aggregator, name);
        }
    }

    /** The aggregator under another name: through its JSON form, which every factory has. */
    private static AggregatorFactory renamed(AggregatorFactory aggregator, String name) {
        ObjectNode json = Json.mapper().valueToTree(aggregator);
        json.put("name", name);
        return Json.mapper().convertValue(json, AggregatorFactory.class);
    }

    @Override
    public List<String> requiredFields() {
        Set<String> fields = new LinkedHashSet<>(aggregator.requiredFields());
        fields.addAll(filter.requiredColumns());
        return new ArrayList<>(fields);
    }

    @Override
    public MetricColumn newMetricColumn() {
        MetricColumn delegate = aggregator.newMetricColumn();
        return new MetricColumn() {
            @Override
            public void aggregate(int row, InputRow event) {
                if (EventRowIndex.matches(filter, event)) {
                    delegate.aggregate(row, event);
                } else {
                    delegate.ensureRow(row);
                }
            }

            @Override
            public void ensureRow(int row) {
                delegate.ensureRow(row);
            }

            @Override
            public Column asColumn() {
                return delegate.asColumn();
            }

            @Override
            public int bytesPerRow() {
                return delegate.bytesPerRow();
            }
        };
    }

    @Override
    public GroupAggregator newGroupAggregator(QueryableIndex index) {
        RowMatcher matcher = filter.makeMatcher(index);
        GroupAggregator delegate = aggregator.newGroupAggregator(index);
        return new GroupAggregator() {
            @Override
            public void ensureCapacity(int slots) {
                delegate.ensureCapacity(slots);
            }

            @Override
            public void aggregate(int slot, int row) {
                if (matcher.matches(row)) {
                    delegate.aggregate(slot, row);
                }
            }

            @Override
            public Object get(int slot) {
                return delegate.get(slot);
            }
        };
    }

    @Override
    public AggregatorFactory combining() {
        return aggregator.combining();
    }

    @Override
    public Object combine(Object lhs, Object rhs) {
        return aggregator.combine(lhs, rhs);
    }

    @Override
    public Object emptyValue() {
        return aggregator.emptyValue();
    }

    @Override
    public Object deserialize(Object serialized) {
        return aggregator.deserialize(serialized);
    }

    @Override
    public Object finalizeValue(Object intermediate) {
        return aggregator.finalizeValue(intermediate);
    }

    @Override
    public ColumnType intermediateType() {
        return aggregator.intermediateType();
    }

    @Override
    public String complexTypeName() {
        return aggregator.complexTypeName();
    }

    @Override
    public ColumnType finalType() {
        return aggregator.finalType();
    }

    @Override
    public Comparator<Object> comparator() {
        return aggregator.comparator();
    }
}
