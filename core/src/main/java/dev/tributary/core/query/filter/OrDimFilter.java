package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.index.QueryableIndex;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Druid's {@code or}: some filter in {@code fields} (at least one) matches; SQL OR, so a row is
 * unknown when no field is true and some field is unknown. Fields are tried in order and stop at the
 * first that settles the answer.
 */
public record OrDimFilter(@JsonProperty("fields") List<DimFilter> fields) implements DimFilter {
    public OrDimFilter {
        require(fields != null && !fields.isEmpty() && !fields.contains(null), "fields",
                "an or filter needs a list of at least one filter");
        fields = List.copyOf(fields);
    }

    @Override
    public RowMatcher makeMatcher(QueryableIndex index) {
        RowMatcher[] matchers = fields.stream().map(f -> f.makeMatcher(index)).toArray(RowMatcher[]::new);
        if (matchers.length == 1) {
            return matchers[0];
        }
        return new RowMatcher() {
            @Override
            public boolean matches(int row) {
                for (RowMatcher matcher : matchers) {
                    if (matcher.matches(row)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public boolean matchesOrUnknown(int row) {
                for (RowMatcher matcher : matchers) {
                    if (matcher.matchesOrUnknown(row)) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    @Override
    public Set<String> requiredColumns() {
        Set<String> columns = new LinkedHashSet<>();
        fields.forEach(f -> columns.addAll(f.requiredColumns()));
        return Set.copyOf(columns);
    }
}
