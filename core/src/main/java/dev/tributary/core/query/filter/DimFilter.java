package dev.tributary.core.query.filter;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tributary.core.index.QueryableIndex;
import java.util.Set;

/**
 * A Druid query filter ({@code "filter": {"type": "selector", ...}}), chosen by its {@code type}.
 * Filters follow Druid's SQL-compatible null handling: a comparison with a null value is neither
 * true nor false, so {@code not} does not turn it into a match. The package documentation gives the
 * rules every filter shares.
 *
 * <p>Filters are immutable and thread-safe; the matchers they make are used by one query thread.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SelectorDimFilter.class, name = "selector"),
    @JsonSubTypes.Type(value = EqualityDimFilter.class, name = "equals"),
    @JsonSubTypes.Type(value = NullDimFilter.class, name = "null"),
    @JsonSubTypes.Type(value = InDimFilter.class, name = "in"),
    @JsonSubTypes.Type(value = BoundDimFilter.class, name = "bound"),
    @JsonSubTypes.Type(value = RangeDimFilter.class, name = "range"),
    @JsonSubTypes.Type(value = RegexDimFilter.class, name = "regex"),
    @JsonSubTypes.Type(value = LikeDimFilter.class, name = "like"),
    @JsonSubTypes.Type(value = SearchDimFilter.class, name = "search"),
    @JsonSubTypes.Type(value = IntervalDimFilter.class, name = "interval"),
    @JsonSubTypes.Type(value = AndDimFilter.class, name = "and"),
    @JsonSubTypes.Type(value = OrDimFilter.class, name = "or"),
    @JsonSubTypes.Type(value = NotDimFilter.class, name = "not"),
    @JsonSubTypes.Type(value = TrueDimFilter.class, name = "true"),
    @JsonSubTypes.Type(value = FalseDimFilter.class, name = "false"),
})
public interface DimFilter {
    /**
     * A matcher over the rows of {@code index}. Built before the index's scan; its {@link RowMatcher}
     * methods are called only inside the scan.
     */
    RowMatcher makeMatcher(QueryableIndex index);

    /** The columns this filter reads. */
    Set<String> requiredColumns();
}
