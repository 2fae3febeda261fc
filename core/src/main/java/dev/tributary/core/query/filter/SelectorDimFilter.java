package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.index.QueryableIndex;
import java.util.Set;

/**
 * Druid's {@code selector}: the dimension equals {@code value} ({@code null} matches null rows).
 * On a multi-value row it matches when any value does.
 */
public record SelectorDimFilter(
        @JsonProperty("dimension") String dimension,
        @JsonProperty("value") String value) implements DimFilter {
    public SelectorDimFilter {
        require(dimension != null && !dimension.isEmpty(), "dimension", "a selector filter needs a dimension");
    }

    @Override
    public RowMatcher makeMatcher(QueryableIndex index) {
        return StringPredicateMatcher.of(index, dimension, StringPredicate.equalTo(value));
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(dimension);
    }
}
