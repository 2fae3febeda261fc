package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.index.QueryableIndex;
import java.util.Set;

/**
 * Druid's {@code not}: SQL NOT of {@code field}. It matches a row only where {@code field} is false;
 * where {@code field} is unknown (a comparison with null) it stays unknown and does not match. On a
 * multi-value row it negates the whole row's answer: {@code not(selector a)} does not match
 * {@code [a, b]}, since the selector matched it.
 */
public record NotDimFilter(@JsonProperty("field") DimFilter field) implements DimFilter {
    public NotDimFilter {
        require(field != null, "field", "a not filter needs a field");
    }

    @Override
    public RowMatcher makeMatcher(QueryableIndex index) {
        RowMatcher inner = field.makeMatcher(index);
        return new RowMatcher() {
            @Override
            public boolean matches(int row) {
                return !inner.matchesOrUnknown(row);
            }

            @Override
            public boolean matchesOrUnknown(int row) {
                return !inner.matches(row);
            }
        };
    }

    @Override
    public Set<String> requiredColumns() {
        return field.requiredColumns();
    }
}
