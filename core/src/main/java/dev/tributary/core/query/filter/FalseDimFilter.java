package dev.tributary.core.query.filter;

import dev.tributary.core.index.QueryableIndex;
import java.util.Set;

/** Druid's {@code false}: matches no row, and is never unknown, so {@code not} of it matches every row. */
public record FalseDimFilter() implements DimFilter {
    @Override
    public RowMatcher makeMatcher(QueryableIndex index) {
        return RowMatcher.NONE;
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of();
    }
}
