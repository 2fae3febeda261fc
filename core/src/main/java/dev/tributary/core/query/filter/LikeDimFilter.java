package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.index.QueryableIndex;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Druid's {@code like}: SQL LIKE on the whole value, {@code %} matching any run of characters (line
 * breaks included) and {@code _} exactly one. {@code escape} (one character) makes the character after
 * it literal; an escape at the very end is dropped. Numbers are matched by their text; a null value
 * is unknown. {@code extractionFn} is refused.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class LikeDimFilter implements DimFilter {
    private final String dimension;
    private final String pattern;
    private final String escape;
    private final ColumnPredicates predicates;

    @JsonCreator
    public LikeDimFilter(
            @JsonProperty("dimension") String dimension,
            @JsonProperty("pattern") String pattern,
            @JsonProperty("escape") String escape,
            @JsonProperty("extractionFn") Object extractionFn) {
        require(dimension != null && !dimension.isEmpty(), "dimension", "a like filter needs a dimension");
        require(pattern != null, "pattern", "a like filter needs a pattern");
        require(escape == null || escape.length() <= 1, "escape", "must be a single character");
        require(extractionFn == null, "extractionFn", "extraction functions are not supported");
        this.dimension = dimension;
        this.pattern = pattern;
        this.escape = escape == null || escape.isEmpty() ? null : escape;
        Pattern compiled = toRegex(pattern, this.escape == null ? null : this.escape.charAt(0));
        this.predicates = ColumnPredicates.ofText(
                value -> value == null ? Truth.UNKNOWN : Truth.of(compiled.matcher(value).matches()));
    }

    /** The LIKE pattern as a whole-value regular expression. */
    static Pattern toRegex(String like, Character escape) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean escaping = false;
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (escape != null && c == escape && !escaping) {
                escaping = true;
            } else if (!escaping && (c == '%' || c == '_')) {
                flush(literal, regex);
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
                escaping = false;
            }
        }
        flush(literal, regex);
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static void flush(StringBuilder literal, StringBuilder regex) {
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    @JsonProperty("dimension")
    public String dimension() {
        return dimension;
    }

    @JsonProperty("pattern")
    public String pattern() {
        return pattern;
    }

    @JsonProperty("escape")
    public String escape() {
        return escape;
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
        return o instanceof LikeDimFilter other && dimension.equals(other.dimension) && pattern.equals(other.pattern)
                && Objects.equals(escape, other.escape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimension, pattern, escape);
    }

    @Override
    public String toString() {
        return dimension + " LIKE '" + pattern + "'" + (escape == null ? "" : " ESCAPE '" + escape + "'");
    }
}
