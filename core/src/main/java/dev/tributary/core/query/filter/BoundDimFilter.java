package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.index.QueryableIndex;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Set;

/**
 * Druid's {@code bound}: {@code lower <(=) dimension <(=) upper} under {@code ordering}
 * ({@link StringOrdering}, lexicographic by default; {@code "alphaNumeric": true} is the old way to ask
 * for alphanumeric). At least one bound is required; {@code lowerStrict} / {@code upperStrict} make
 * that side {@code <}.
 *
 * <p>String columns compare each value under the ordering (numeric ordering treats text that is no
 * number as below every number, so it passes a lone upper bound). A null value matches when there is
 * no lower bound, as Druid documents; with a lower bound it is unknown, as Druid's segment indexes
 * answer (so {@code not} does not match it).
 *
 * <p>Numeric columns with numeric ordering compare numbers: on a long column a fractional bound is
 * rounded inward ({@code >= 1.5} is {@code >= 2}); a lower bound that is no number is no bound, an
 * upper bound that is no number matches nothing. Other orderings compare the number's text. A null
 * number is unknown. {@code extractionFn} is refused.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BoundDimFilter implements DimFilter {
    private final String dimension;
    private final String lower;
    private final String upper;
    private final boolean lowerStrict;
    private final boolean upperStrict;
    private final StringOrdering ordering;
    private final ColumnPredicates predicates;

    @JsonCreator
    public BoundDimFilter(
            @JsonProperty("dimension") String dimension,
            @JsonProperty("lower") String lower,
            @JsonProperty("upper") String upper,
            @JsonProperty("lowerStrict") Boolean lowerStrict,
            @JsonProperty("upperStrict") Boolean upperStrict,
            @JsonProperty("ordering") StringOrdering ordering,
            @JsonProperty("alphaNumeric") Boolean alphaNumeric,
            @JsonProperty("extractionFn") Object extractionFn) {
        require(dimension != null && !dimension.isEmpty(), "dimension", "a bound filter needs a dimension");
        require(lower != null || upper != null, "lower", "a bound filter needs a lower or an upper bound");
        require(extractionFn == null, "extractionFn", "extraction functions are not supported");
        boolean alpha = Boolean.TRUE.equals(alphaNumeric);
        require(!alpha || ordering == null || ordering == StringOrdering.ALPHANUMERIC, "alphaNumeric",
                "alphaNumeric: true contradicts ordering '" + (ordering == null ? "" : ordering.druidName()) + "'");
        this.dimension = dimension;
        this.lower = lower;
        this.upper = upper;
        this.lowerStrict = Boolean.TRUE.equals(lowerStrict);
        this.upperStrict = Boolean.TRUE.equals(upperStrict);
        this.ordering = ordering != null ? ordering : alpha ? StringOrdering.ALPHANUMERIC : StringOrdering.LEXICOGRAPHIC;
        this.predicates = buildPredicates();
    }

    /** A numeric-ordering bound, as the interval filter builds them. */
    static BoundDimFilter numeric(String dimension, long lower, long upperExclusive) {
        return new BoundDimFilter(dimension, Long.toString(lower), Long.toString(upperExclusive),
                false, true, StringOrdering.NUMERIC, null, null);
    }

    private ColumnPredicates buildPredicates() {
        Truth onNull = lower == null ? Truth.TRUE : Truth.UNKNOWN;
        StringPredicate strings = Ranges.strings(ordering, lower, lowerStrict, upper, upperStrict, onNull);
        if (ordering != StringOrdering.NUMERIC) {
            StringPredicate onText = Ranges.strings(ordering, lower, lowerStrict, upper, upperStrict, Truth.UNKNOWN);
            ColumnPredicates text = ColumnPredicates.ofText(onText);
            return new ColumnPredicates(strings, text.longs(), text.floats(), text.doubles());
        }
        return new ColumnPredicates(strings, longs(), floatsOrDoubles(true), floatsOrDoubles(false));
    }

    private LongValuePredicate longs() {
        Long low = null;
        if (lower != null) {
            low = Numbers.tryParseLong(lower);
            if (low == null) {
                BigDecimal decimal = Numbers.tryParseDecimal(lower);
                if (decimal != null) {
                    decimal = decimal.setScale(0, lowerStrict ? RoundingMode.FLOOR : RoundingMode.CEILING);
                    if (fitsLong(decimal)) {
                        low = decimal.longValueExact();
                    } else if (decimal.signum() > 0) {
                        return LongValuePredicate.NEVER;
                    }
                }
            }
        }
        Long high = null;
        if (upper != null) {
            high = Numbers.tryParseLong(upper);
            if (high == null) {
                BigDecimal decimal = Numbers.tryParseDecimal(upper);
                if (decimal == null) {
                    return LongValuePredicate.NEVER;
                }
                decimal = decimal.setScale(0, upperStrict ? RoundingMode.CEILING : RoundingMode.FLOOR);
                if (fitsLong(decimal)) {
                    high = decimal.longValueExact();
                } else if (decimal.signum() < 0) {
                    return LongValuePredicate.NEVER;
                }
            }
        }
        return Ranges.longs(low, lowerStrict, high, upperStrict);
    }

    private static boolean fitsLong(BigDecimal whole) {
        return whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
                && whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    }

    /** Float columns parse the bounds as floats, double columns as doubles, as Druid does. */
    private DoubleValuePredicate floatsOrDoubles(boolean floats) {
        Double low = lower == null ? null : parse(lower, floats);
        if (upper != null && parse(upper, floats) == null) {
            return DoubleValuePredicate.NEVER;
        }
        Double high = upper == null ? null : parse(upper, floats);
        return Ranges.doubles(low, lowerStrict, high, upperStrict);
    }

    private static Double parse(String bound, boolean asFloat) {
        if (asFloat) {
            Float f = Numbers.tryParseFloat(bound);
            return f == null ? null : f.doubleValue();
        }
        return Numbers.tryParseDouble(bound);
    }

    @JsonProperty("dimension")
    public String dimension() {
        return dimension;
    }

    @JsonProperty("lower")
    public String lower() {
        return lower;
    }

    @JsonProperty("upper")
    public String upper() {
        return upper;
    }

    @JsonProperty("lowerStrict")
    public boolean lowerStrict() {
        return lowerStrict;
    }

    @JsonProperty("upperStrict")
    public boolean upperStrict() {
        return upperStrict;
    }

    @JsonProperty("ordering")
    public StringOrdering ordering() {
        return ordering;
    }

    @Override
    public RowMatcher makeMatcher(QueryableIndex index) {
        return PredicateMatchers.of(index, dimension, predicates);
    }

    /** The filter's tests per column type, for filters built from bounds. */
    ColumnPredicates columnPredicates() {
        return predicates;
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(dimension);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoundDimFilter other && dimension.equals(other.dimension)
                && Objects.equals(lower, other.lower) && Objects.equals(upper, other.upper)
                && lowerStrict == other.lowerStrict && upperStrict == other.upperStrict && ordering == other.ordering;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimension, lower, upper, lowerStrict, upperStrict, ordering);
    }

    @Override
    public String toString() {
        return (lower == null ? "" : lower + (lowerStrict ? " < " : " <= ")) + dimension + " as " + ordering.druidName()
                + (upper == null ? "" : (upperStrict ? " < " : " <= ") + upper);
    }
}
