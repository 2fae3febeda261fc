package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.index.QueryableIndex;
import java.util.Objects;
import java.util.Set;

/**
 * Druid's {@code range}: {@code lower <(=) column <(=) upper}, the bounds read as
 * {@code matchValueType}, which also picks the comparison. At least one bound is required;
 * {@code lowerOpen} / {@code upperOpen} make that side {@code <}. Unlike {@code bound}, a null row is
 * always unknown, whatever the bounds.
 *
 * <p>With a numeric {@code matchValueType}: numeric columns compare numbers (on a long column a
 * fractional bound rounds inward: {@code > 1.1} is {@code > 1}, {@code >= 1.1} is {@code >= 2}); string
 * columns compare in Druid's numeric ordering, where text that is no number sorts below every number.
 * With {@code STRING}: values compare by UTF-8 bytes, numbers by their text. A numeric bound that
 * cannot be read as its type is an error.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RangeDimFilter implements DimFilter {
    private final String column;
    private final MatchValueType matchValueType;
    private final Object lower;
    private final Object upper;
    private final boolean lowerOpen;
    private final boolean upperOpen;
    private final ColumnPredicates predicates;

    @JsonCreator
    public RangeDimFilter(
            @JsonProperty("column") String column,
            @JsonProperty("matchValueType") MatchValueType matchValueType,
            @JsonProperty("lower") Object lower,
            @JsonProperty("upper") Object upper,
            @JsonProperty("lowerOpen") Boolean lowerOpen,
            @JsonProperty("upperOpen") Boolean upperOpen) {
        require(column != null && !column.isEmpty(), "column", "a range filter needs a column");
        require(matchValueType != null, "matchValueType", "a range filter needs a matchValueType");
        require(lower != null || upper != null, "lower", "a range filter needs a lower or an upper bound");
        this.column = column;
        this.matchValueType = matchValueType;
        this.lower = matchValueType.read(lower);
        this.upper = matchValueType.read(upper);
        require(lower == null || this.lower != null, "lower", "'" + lower + "' cannot be read as " + matchValueType);
        require(upper == null || this.upper != null, "upper", "'" + upper + "' cannot be read as " + matchValueType);
        this.lowerOpen = Boolean.TRUE.equals(lowerOpen);
        this.upperOpen = Boolean.TRUE.equals(upperOpen);
        this.predicates = buildPredicates();
    }

    private ColumnPredicates buildPredicates() {
        StringOrdering order = matchValueType.isNumeric() ? StringOrdering.NUMERIC : StringOrdering.LEXICOGRAPHIC;
        StringPredicate strings = Ranges.strings(order, MatchValueType.text(lower), lowerOpen,
                MatchValueType.text(upper), upperOpen, Truth.UNKNOWN);
        if (!matchValueType.isNumeric()) {
            return new ColumnPredicates(strings,
                    value -> strings.test(Long.toString(value)),
                    value -> strings.test(Double.toString(value)),
                    value -> strings.test(Double.toString(value)));
        }
        DoubleValuePredicate doubles = Ranges.doubles(asDouble(lower), lowerOpen, asDouble(upper), upperOpen);
        LongValuePredicate longs = Ranges.longs(wholeBound(lower, lowerOpen), lowerOpen,
                wholeBound(upper, !upperOpen), upperOpen);
        return new ColumnPredicates(strings, longs, doubles, doubles);
    }

    private static Double asDouble(Object bound) {
        return bound == null ? null : ((Number) bound).doubleValue();
    }

    /** A bound for long values: a fractional bound rounds down ({@code floor}) or up. */
    private static Long wholeBound(Object bound, boolean floor) {
        if (bound == null || bound instanceof Long) {
            return (Long) bound;
        }
        double value = (Double) bound;
        return (long) (floor ? Math.floor(value) : Math.ceil(value));
    }

    @JsonProperty("column")
    public String column() {
        return column;
    }

    @JsonProperty("matchValueType")
    public MatchValueType matchValueType() {
        return matchValueType;
    }

    @JsonProperty("lower")
    public Object lower() {
        return lower;
    }

    @JsonProperty("upper")
    public Object upper() {
        return upper;
    }

    @JsonProperty("lowerOpen")
    public boolean lowerOpen() {
        return lowerOpen;
    }

    @JsonProperty("upperOpen")
    public boolean upperOpen() {
        return upperOpen;
    }

    @Override
    public RowMatcher makeMatcher(QueryableIndex index) {
        return PredicateMatchers.of(index, column, predicates);
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(column);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RangeDimFilter other && column.equals(other.column) && matchValueType == other.matchValueType
                && Objects.equals(lower, other.lower) && Objects.equals(upper, other.upper)
                && lowerOpen == other.lowerOpen && upperOpen == other.upperOpen;
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, matchValueType, lower, upper, lowerOpen, upperOpen);
    }

    @Override
    public String toString() {
        return (lower == null ? "" : lower + (lowerOpen ? " < " : " <= ")) + column + " as " + matchValueType
                + (upper == null ? "" : (upperOpen ? " < " : " <= ") + upper);
    }
}
