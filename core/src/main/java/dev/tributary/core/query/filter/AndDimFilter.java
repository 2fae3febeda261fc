package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.index.QueryableIndex;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Druid's {@code and}: every filter in {@code fields} (at least one) matches; SQL AND, so a row is
 * unknown when no field is false and some field is unknown. Fields are tried in order and stop at the
 * first that settles the answer.
 */
public record AndDimFilter(@JsonProperty("fields") List<DimFilter> fields) implements DimFilter {
    public AndDimFilter {
        require(fields != null && !fields.isEmpty() && !fields.contains(null), "fields",
                "an and filter needs a list of at least one filter");
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
                    if (!matcher.matches(row)) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public boolean matchesOrUnknown(int row) {
                for (RowMatcher matcher : matchers) {
                    if (!matcher.matchesOrUnknown(row)) {
                        return false;
                    }
                }
                return true;
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
