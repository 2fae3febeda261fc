package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.index.QueryableIndex;
import java.util.Set;

/**
 * Druid's {@code null} filter: {@code column IS NULL}, never unknown, so {@code not} of it is
 * {@code IS NOT NULL}. An absent column is all nulls; a multi-value row matches when it holds a null
 * or no value at all.
 */
public record NullDimFilter(@JsonProperty("column") String column) implements DimFilter {
    private static final ColumnPredicates IS_NULL = new ColumnPredicates(StringPredicate.isNull(),
            LongValuePredicate.NULL_ONLY, DoubleValuePredicate.NULL_ONLY, DoubleValuePredicate.NULL_ONLY);

    public NullDimFilter {
        require(column != null && !column.isEmpty(), "column", "a null filter needs a column");
    }

    @Override
    public RowMatcher makeMatcher(QueryableIndex index) {
        return PredicateMatchers.of(index, column, IS_NULL);
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(column);
    }
}
