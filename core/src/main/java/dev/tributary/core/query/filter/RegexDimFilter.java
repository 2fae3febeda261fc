package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.spec.SpecFieldException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Druid's {@code regex}: the Java regular expression {@code pattern} is found anywhere in the value
 * ({@link java.util.regex.Matcher#find}; anchor it with {@code ^...$} to match whole values). Numbers
 * are matched by their text; a null value is unknown. {@code extractionFn} is refused.
 */
public final class RegexDimFilter implements DimFilter {
    private final String dimension;
    private final String pattern;
    private final ColumnPredicates predicates;

    @JsonCreator
    public RegexDimFilter(
            @JsonProperty("dimension") String dimension,
            @JsonProperty("pattern") String pattern,
            @JsonProperty("extractionFn") Object extractionFn) {
        require(dimension != null && !dimension.isEmpty(), "dimension", "a regex filter needs a dimension");
        require(pattern != null, "pattern", "a regex filter needs a pattern");
        require(extractionFn == null, "extractionFn", "extraction functions are not supported");
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new SpecFieldException("pattern", "is not a Java regular expression: " + e.getDescription());
        }
        this.dimension = dimension;
        this.pattern = pattern;
        this.predicates = ColumnPredicates.ofText(
                value -> value == null ? Truth.UNKNOWN : Truth.of(compiled.matcher(value).find()));
    }

    @JsonProperty("dimension")
    public String dimension() {
        return dimension;
    }

    @JsonProperty("pattern")
    public String pattern() {
        return pattern;
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
        return o instanceof RegexDimFilter other && dimension.equals(other.dimension) && pattern.equals(other.pattern);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimension, pattern);
    }

    @Override
    public String toString() {
        return dimension + " ~ /" + pattern + "/";
    }
}
