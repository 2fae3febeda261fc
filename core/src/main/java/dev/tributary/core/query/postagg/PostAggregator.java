package dev.tributary.core.query.postagg;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.ordering.ValueOrder;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

/**
 * A Druid post-aggregation, chosen by its {@code type}: computed per result row after aggregation,
 * from the row's aggregator values (intermediate form, as Druid passes them: a sketch is still a
 * sketch) and the outputs of the post-aggregations listed before it. Immutable and thread-safe.
 *
 * <p>The sketch post-aggregations and {@code hyperUniqueCardinality} live with their aggregators and
 * are registered by their Jackson module; the general ones are listed here.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ArithmeticPostAggregator.class, name = "arithmetic"),
    @JsonSubTypes.Type(value = FieldAccessPostAggregator.class, name = "fieldAccess"),
    @JsonSubTypes.Type(value = FinalizingFieldAccessPostAggregator.class, name = "finalizingFieldAccess"),
    @JsonSubTypes.Type(value = ConstantPostAggregator.class, name = "constant"),
    @JsonSubTypes.Type(value = DoubleGreatestPostAggregator.class, name = "doubleGreatest"),
    @JsonSubTypes.Type(value = DoubleLeastPostAggregator.class, name = "doubleLeast"),
    @JsonSubTypes.Type(value = LongGreatestPostAggregator.class, name = "longGreatest"),
    @JsonSubTypes.Type(value = LongLeastPostAggregator.class, name = "longLeast"),
})
public interface PostAggregator {
    /** The output name; may be null for a post-aggregation nested in another's {@code fields}. */
    String name();

    /** The names of the values this reads. */
    Set<String> dependentFields();

    /**
     * Computes this post-aggregation for one result row.
     *
     * @param values the row's values by name: aggregator intermediates and earlier post-aggregation outputs
     * @param aggregators the query's aggregators by name, for finalizing ({@code finalizingFieldAccess})
     */
    Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators);

    /**
     * How results are ordered by this output (a topN metric, a groupBy limitSpec): ascending, nulls first.
     * Numbers compare numerically unless the post-aggregation says otherwise ({@code numericFirst}).
     */
    default Comparator<Object> comparator() {
        return ValueOrder.NATURAL;
    }
}
