package dev.tributary.core.query.filter;

import dev.tributary.core.index.QueryableIndex;
import java.util.Set;

/** Druid's {@code true}: matches every row, nulls included; {@code not} of it matches none. */
public record TrueDimFilter() implements DimFilter {
    @Override
    public RowMatcher makeMatcher(QueryableIndex index) {
        return RowMatcher.ALL;
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of();
    }
}
