package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.index.QueryableIndex;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Druid's {@code search}: the value satisfies the {@link SearchQuerySpec} {@code query} (contains,
 * insensitive_contains, fragment, regex). Numbers are searched by their text; a null value is
 * unknown. {@code extractionFn} is refused.
 */
public final class SearchDimFilter implements DimFilter {
    private final String dimension;
    private final SearchQuerySpec query;
    private final ColumnPredicates predicates;

    @JsonCreator
    public SearchDimFilter(
            @JsonProperty("dimension") String dimension,
            @JsonProperty("query") SearchQuerySpec query,
            @JsonProperty("extractionFn") Object extractionFn) {
        require(dimension != null && !dimension.isEmpty(), "dimension", "a search filter needs a dimension");
        require(query != null, "query", "a search filter needs a query");
        require(extractionFn == null, "extractionFn", "extraction functions are not supported");
        this.dimension = dimension;
        this.query = query;
        Predicate<String> accepts = query.accepter();
        this.predicates = ColumnPredicates.ofText(
                value -> value == null ? Truth.UNKNOWN : Truth.of(accepts.test(value)));
    }

    @JsonProperty("dimension")
    public String dimension() {
        return dimension;
    }

    @JsonProperty("query")
    public SearchQuerySpec query() {
        return query;
    }

    @Override
    public RowMatcher makeMatcher(QueryableIndex index) {
        return PredicateMatchers.of(index, dimension, predicates);
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(dimension);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchDimFilter other && dimension.equals(other.dimension) && query.equals(other.query);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimension, query);
    }

    @Override
    public String toString() {
        return dimension + " search " + query;
    }
}
