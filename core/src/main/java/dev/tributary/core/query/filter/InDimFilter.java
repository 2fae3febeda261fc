package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.index.QueryableIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Druid's {@code in}: the dimension equals one of {@code values}, each compared as a
 * {@link SelectorDimFilter selector} value would be (numbers on numeric columns). A null in
 * {@code values} matches null rows (unlike SQL's IN); otherwise a null row is unknown. An empty
 * {@code values} matches no row, and {@code not} of it every row. {@code extractionFn} is refused.
 */
public final class InDimFilter implements DimFilter {
    private final String dimension;
    private final List<String> values;
    private final ColumnPredicates predicates;

    @JsonCreator
    public InDimFilter(
            @JsonProperty("dimension") String dimension,
            @JsonProperty("values") List<String> values,
            @JsonProperty("extractionFn") Object extractionFn) {
        require(dimension != null && !dimension.isEmpty(), "dimension", "an in filter needs a dimension");
        require(values != null, "values", "an in filter needs a list of values");
        require(extractionFn == null, "extractionFn", "extraction functions are not supported");
        this.dimension = dimension;
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.predicates = predicatesFor(new HashSet<>(values));
    }

    private static ColumnPredicates predicatesFor(Set<String> values) {
        boolean matchesNull = values.contains(null);
        Truth onNull = matchesNull ? Truth.TRUE : Truth.UNKNOWN;
        List<Long> longs = new ArrayList<>();
        List<Float> floats = new ArrayList<>();
        List<Double> doubles = new ArrayList<>();
        for (String value : values) {
            Long asLong = Numbers.exactLong(value);
            Float asFloat = Numbers.tryParseFloat(value);
            Double asDouble = Numbers.tryParseDouble(value);
            if (asLong != null) {
                longs.add(asLong);
            }
            if (asFloat != null) {
                floats.add(asFloat);
            }
            if (asDouble != null) {
                doubles.add(asDouble);
            }
        }
        long[] longSet = longs.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] floatBits = floats.stream().mapToLong(Float::floatToIntBits).sorted().toArray();
        long[] doubleBits = doubles.stream().mapToLong(Double::doubleToLongBits).sorted().toArray();
        Set<String> nonNull = new HashSet<>(values);
        nonNull.remove(null);
        StringPredicate strings = StringPredicate.oneOf(nonNull, onNull);
        LongValuePredicate longPredicate = new LongValuePredicate() {
            @Override
            public Truth test(long value) {
                return Truth.of(Arrays.binarySearch(longSet, value) >= 0);
            }

            @Override
            public Truth testNull() {
                return onNull;
            }
        };
        return new ColumnPredicates(strings, longPredicate,
                bitsIn(floatBits, true, onNull), bitsIn(doubleBits, false, onNull));
    }

    /** Membership by float or double bits, so NaN is in a set holding NaN, as in Druid. */
    private static DoubleValuePredicate bitsIn(long[] sortedBits, boolean asFloat, Truth onNull) {
        return new DoubleValuePredicate() {
            @Override
            public Truth test(double value) {
                long bits = asFloat ? Float.floatToIntBits((float) value) : Double.doubleToLongBits(value);
                return Truth.of(Arrays.binarySearch(sortedBits, bits) >= 0);
            }

            @Override
            public Truth testNull() {
                return onNull;
            }
        };
    }

    @JsonProperty("dimension")
    public String dimension() {
        return dimension;
    }

    @JsonProperty("values")
    public List<String> values() {
        return values;
    }

    @Override
    public RowMatcher makeMatcher(QueryableIndex index) {
        return values.isEmpty() ? RowMatcher.NONE : PredicateMatchers.of(index, dimension, predicates);
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of(dimension);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InDimFilter other && dimension.equals(other.dimension)
                && new HashSet<>(values).equals(new HashSet<>(other.values));
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimension, new HashSet<>(values));
    }

    @Override
    public String toString() {
        return dimension + " IN " + values;
    }
}
