package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.index.QueryableIndex;
import java.util.Set;

/**
 * Druid's {@code selector}: {@code dimension = value}, or {@code dimension IS NULL} when {@code value}
 * is null or absent. On a string column a null row is unknown for a non-null value (so
 * {@code not(selector)} does not match it either), and a multi-value row matches when any value
 * does. On a numeric column the value is read as a number of the column's type: {@code "5"} and
 * {@code "5.0"} match a long 5 ({@code "5.5"} matches no long), {@code "5.0"} matches a double 5.0,
 * a float compares as float; text that is no number matches nothing. {@code extractionFn} is refused.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SelectorDimFilter(
        @JsonProperty("dimension") String dimension,
        @JsonProperty("value") String value,
        @JsonProperty("extractionFn") Object extractionFn) implements DimFilter {
    public SelectorDimFilter {
        require(dimension != null && !dimension.isEmpty(), "dimension", "a selector filter needs a dimension");
        require(extractionFn == null, "extractionFn", "extraction functions are not supported");
    }

    public SelectorDimFilter(String dimension, String value) {
        this(dimension, value, null);
    }

    @Override
    public RowMatcher makeMatcher(QueryableIndex index) {
        return PredicateMatchers.of(index, dimension, equalTo(value));
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(dimension);
    }

    /** Druid's selector predicates for {@code value}, also the members of an {@code in} filter. */
    static ColumnPredicates equalTo(String value) {
        if (value == null) {
            return new ColumnPredicates(StringPredicate.isNull(), LongValuePredicate.NULL_ONLY,
                    DoubleValuePredicate.NULL_ONLY, DoubleValuePredicate.NULL_ONLY);
        }
        Long asLong = Numbers.exactLong(value);
        Float asFloat = Numbers.tryParseFloat(value);
        Double asDouble = Numbers.tryParseDouble(value);
        return new ColumnPredicates(
                StringPredicate.equalTo(value),
                asLong == null ? LongValuePredicate.NEVER : longEquals(asLong),
                asFloat == null ? DoubleValuePredicate.NEVER : floatEquals(asFloat),
                asDouble == null ? DoubleValuePredicate.NEVER : doubleEquals(asDouble));
    }

    static LongValuePredicate longEquals(long expected) {
        return value -> Truth.of(value == expected);
    }

    /** Compares float bits, so NaN equals NaN as in Druid. */
    static DoubleValuePredicate floatEquals(float expected) {
        int bits = Float.floatToIntBits(expected);
        return value -> Truth.of(Float.floatToIntBits((float) value) == bits);
    }

    /** Compares double bits, so NaN equals NaN as in Druid. */
    static DoubleValuePredicate doubleEquals(double expected) {
        long bits = Double.doubleToLongBits(expected);
        return value -> Truth.of(Double.doubleToLongBits(value) == bits);
    }
}
