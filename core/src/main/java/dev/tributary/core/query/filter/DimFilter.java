package dev.tributary.core.query.filter;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tributary.core.index.QueryableIndex;
import java.util.Set;

/**
 * A Druid query filter ({@code "filter": {"type": "selector", ...}}), chosen by its {@code type}.
 * Filters follow Druid's SQL-compatible null handling: a comparison with a null value is neither
 * true nor false, so {@code not} does not turn it into a match.
 *
 * <p>Filters are immutable and thread-safe; the matchers they make are used by one query thread.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SelectorDimFilter.class, name = "selector"),
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
