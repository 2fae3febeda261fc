package dev.tributary.core.query.groupby;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.Values;
import dev.tributary.core.query.filter.DimFilter;
import dev.tributary.core.query.filter.RowMatcher;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/** Druid's having clauses. */
public final class HavingSpecs {
    private HavingSpecs() {
    }

    /**
     * Compares a row's value with a having's number as Druid does: longs exactly when both are
     * integral, otherwise as decimals. Null when the row's value is null or not a number: such a row
     * matches no comparison.
     */
    static Integer compare(Object rowValue, Number value) {
        Number number = rowValue instanceof Number n ? n : Values.toDouble(rowValue);
        if (number == null) {
            return null;
        }
        boolean rowIntegral = number instanceof Long || number instanceof Integer;
        boolean valueIntegral = value instanceof Long || value instanceof Integer;
        if (rowIntegral && valueIntegral) {
            return Long.compare(number.longValue(), value.longValue());
        }
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.compare(d, value.doubleValue());
        }
        return new BigDecimal(d).compareTo(new BigDecimal(value.toString()));
    }

    private static void requireComparison(String aggregation, Number value) {
        require(aggregation != null && !aggregation.isEmpty(), "aggregation", "is required");
        require(value != null, "value", "is required");
    }

    /** {@code greaterThan}: the named output is greater than {@code value}. */
    public record GreaterThan(@JsonProperty("aggregation") String aggregation, @JsonProperty("value") Number value)
            implements HavingSpec {
        public GreaterThan {
            requireComparison(aggregation, value);
        }

        @Override
        public IntPredicate bind(ResultTable rows) {
            return row -> {
                Integer c = compare(rows.values(row).get(aggregation), value);
                return c != null && c > 0;
            };
        }
    }

    /** {@code lessThan}: the named output is less than {@code value}. */
    public record LessThan(@JsonProperty("aggregation") String aggregation, @JsonProperty("value") Number value)
            implements HavingSpec {
        public LessThan {
            requireComparison(aggregation, value);
        }

        @Override
        public IntPredicate bind(ResultTable rows) {
            return row -> {
                Integer c = compare(rows.values(row).get(aggregation), value);
                return c != null && c < 0;
            };
        }
    }

    /** {@code equalTo}: the named output equals {@code value}. */
    public record EqualTo(@JsonProperty("aggregation") String aggregation, @JsonProperty("value") Number value)
            implements HavingSpec {
        public EqualTo {
            requireComparison(aggregation, value);
        }

        @Override
        public IntPredicate bind(ResultTable rows) {
            return row -> {
                Integer c = compare(rows.values(row).get(aggregation), value);
                return c != null && c == 0;
            };
        }
    }

    /** {@code and}: every one of {@code havingSpecs} holds. */
    public record And(@JsonProperty("havingSpecs") List<HavingSpec> havingSpecs) implements HavingSpec {
        public And {
            require(havingSpecs != null, "havingSpecs", "is required");
            havingSpecs = List.copyOf(havingSpecs);
        }

        @Override
        public IntPredicate bind(ResultTable rows) {
            List<IntPredicate> all = havingSpecs.stream().map(h -> h.bind(rows)).toList();
            return row -> {
                for (IntPredicate p : all) {
                    if (!p.test(row)) {
                        return false;
                    }
                }
                return true;
            };
        }
    }

    /** {@code or}: at least one of {@code havingSpecs} holds. */
    public record Or(@JsonProperty("havingSpecs") List<HavingSpec> havingSpecs) implements HavingSpec {
        public Or {
            require(havingSpecs != null, "havingSpecs", "is required");
            havingSpecs = List.copyOf(havingSpecs);
        }

        @Override
        public IntPredicate bind(ResultTable rows) {
            List<IntPredicate> any = havingSpecs.stream().map(h -> h.bind(rows)).toList();
            return row -> {
                for (IntPredicate p : any) {
                    if (p.test(row)) {
                        return true;
                    }
                }
                return false;
            };
        }
    }

    /** {@code not}: {@code havingSpec} does not hold. */
    public record Not(@JsonProperty("havingSpec") HavingSpec havingSpec) implements HavingSpec {
        public Not {
            require(havingSpec != null, "havingSpec", "is required");
        }

        @Override
        public IntPredicate bind(ResultTable rows) {
            return havingSpec.bind(rows).negate();
        }
    }

    /** {@code dimSelector}: the dimension's value, as text, equals {@code value} (null matches null). */
    public record DimSelector(@JsonProperty("dimension") String dimension, @JsonProperty("value") String value)
            implements HavingSpec {
        public DimSelector {
            require(dimension != null && !dimension.isEmpty(), "dimension", "is required");
        }

        @Override
        public IntPredicate bind(ResultTable rows) {
            return row -> {
                Object rowValue = rows.values(row).get(dimension);
                if (rowValue instanceof List<?> list) {
                    return list.stream().anyMatch(v -> Objects.equals(Values.toText(v), value));
                }
                return Objects.equals(Values.toText(rowValue), value);
            };
        }
    }

    /**
     * {@code filter}: any query filter, applied to the rows as if they were a table whose columns are
     * the output names (and {@code __time}, the row's time).
     */
    public record Filter(@JsonProperty("filter") DimFilter filter) implements HavingSpec {
        public Filter {
            require(filter != null, "filter", "is required");
        }

        @Override
        public IntPredicate bind(ResultTable rows) {
            ResultTableIndex index = new ResultTableIndex(rows);
            RowMatcher matcher = filter.makeMatcher(index);
            boolean[] kept = new boolean[rows.size()];
            index.scan((start, end) -> {
                for (int row = start; row < end; row++) {
                    kept[row] = matcher.matches(row);
                }
            });
            return row -> kept[row];
        }
    }

    /** {@code always}: every row. */
    public record Always() implements HavingSpec {
        @Override
        public IntPredicate bind(ResultTable rows) {
            return row -> true;
        }
    }

    /** {@code never}: no row. */
    public record Never() implements HavingSpec {
        @Override
        public IntPredicate bind(ResultTable rows) {
            return row -> false;
        }
    }
}
