package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.index.QueryableIndex;
import java.util.Objects;
import java.util.Set;

/**
 * Druid's {@code equals} filter: {@code column = matchValue}, where {@code matchValue} (never null)
 * is first read as {@code matchValueType} and then cast to the column's type. A null row is unknown.
 * On a string column the value is compared as its text ({@code LONG 5} is {@code "5"},
 * {@code DOUBLE 5} is {@code "5.0"}); on a long column only a whole number matches ({@code DOUBLE 5.0}
 * matches 5, {@code 5.5} matches nothing); on float and double columns it compares as float or double.
 * A {@code STRING} value that is no number matches no numeric row. Multi-value rows match when any
 * value does.
 */
public final class EqualityDimFilter implements DimFilter {
    private final String column;
    private final MatchValueType matchValueType;
    private final Object matchValue;
    private final ColumnPredicates predicates;

    @JsonCreator
    public EqualityDimFilter(
            @JsonProperty("column") String column,
            @JsonProperty("matchValueType") MatchValueType matchValueType,
            @JsonProperty("matchValue") Object matchValue) {
        require(column != null && !column.isEmpty(), "column", "an equals filter needs a column");
        require(matchValueType != null, "matchValueType", "an equals filter needs a matchValueType");
        Object typed = matchValueType.read(matchValue);
        require(matchValue != null, "matchValue", "an equals filter needs a matchValue; use the null filter to match nulls");
        require(typed != null, "matchValue", "'" + matchValue + "' cannot be read as " + matchValueType);
        this.column = column;
        this.matchValueType = matchValueType;
        this.matchValue = typed;
        this.predicates = predicatesFor(typed);
    }

    private static ColumnPredicates predicatesFor(Object value) {
        Long asLong;
        Double asDouble;
        if (value instanceof Long l) {
            asLong = l;
            asDouble = l.doubleValue();
        } else if (value instanceof Double d) {
            asLong = d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p63 ? (Long) d.longValue() : null;
            asDouble = d;
        } else {
            String text = (String) value;
            asLong = Numbers.exactLong(text);
            asDouble = Numbers.tryParseDouble(text);
        }
        return new ColumnPredicates(
                StringPredicate.equalTo(MatchValueType.text(value)),
                asLong == null ? LongValuePredicate.NEVER : SelectorDimFilter.longEquals(asLong),
                asDouble == null ? DoubleValuePredicate.NEVER : SelectorDimFilter.floatEquals(asDouble.floatValue()),
                asDouble == null ? DoubleValuePredicate.NEVER : SelectorDimFilter.doubleEquals(asDouble));
    }

    @JsonProperty("column")
    public String column() {
        return column;
    }

    @JsonProperty("matchValueType")
    public MatchValueType matchValueType() {
        return matchValueType;
    }

    /** The value as read: a String, Long or Double. */
    @JsonProperty("matchValue")
    public Object matchValue() {
        return matchValue;
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
        return o instanceof EqualityDimFilter other && column.equals(other.column)
                && matchValueType == other.matchValueType && matchValue.equals(other.matchValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, matchValueType, matchValue);
    }

    @Override
    public String toString() {
        return column + " = " + matchValue + " (" + matchValueType + ")";
    }
}
