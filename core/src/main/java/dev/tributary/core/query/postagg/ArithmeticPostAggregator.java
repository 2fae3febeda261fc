package dev.tributary.core.query.postagg;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.ordering.ValueOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Druid's {@code arithmetic}: applies {@code fn} to its fields from left to right, always in floating
 * point, so the result is a Double even over longs. {@code /} gives 0 when dividing by 0;
 * {@code quotient} is plain division (Infinity, NaN). Any null operand makes the result null, as in
 * Druid's SQL-compatible null handling.
 *
 * @param ordering null for the natural order of doubles, or {@code numericFirst}: finite values above
 *     NaN and the infinities, so a topN (largest first) shows them first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArithmeticPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("fn") Fn fn,
        @JsonProperty("fields") List<PostAggregator> fields,
        @JsonProperty("ordering") Ordering ordering) implements PostAggregator {

    public ArithmeticPostAggregator {
        require(fn != null, "fn", "arithmetic '" + name + "' needs an fn: one of " + Fn.SYMBOLS);
        fields = PostAggregators.fields(fields, 2, "arithmetic", name);
    }

    @Override
    public Set<String> dependentFields() {
        return PostAggregators.dependentFields(fields);
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        double result = 0;
        for (int i = 0; i < fields.size(); i++) {
            Number operand = PostAggregators.number(fields.get(i), values, aggregators, "arithmetic", name);
            if (operand == null) {
                return null;
            }
            result = i == 0 ? operand.doubleValue() : fn.apply(result, operand.doubleValue());
        }
        return result;
    }

    @Override
    public Comparator<Object> comparator() {
        return ordering == null ? ValueOrder.NATURAL : Comparator.nullsFirst(ordering::compare);
    }

    /** The arithmetic functions, by Druid's symbols. */
    public enum Fn {
        PLUS("+"), MINUS("-"), MULTIPLY("*"), DIVIDE("/"), QUOTIENT("quotient"), POW("pow");

        static final List<String> SYMBOLS = List.of("+", "-", "*", "/", "quotient", "pow");
        private final String symbol;

        Fn(String symbol) {
            this.symbol = symbol;
        }

        double apply(double lhs, double rhs) {
            return switch (this) {
                case PLUS -> lhs + rhs;
                case MINUS -> lhs - rhs;
                case MULTIPLY -> lhs * rhs;
                case DIVIDE -> rhs == 0 ? 0 : lhs / rhs;
                case QUOTIENT -> lhs / rhs;
                case POW -> Math.pow(lhs, rhs);
            };
        }

        @JsonValue
        public String symbol() {
            return symbol;
        }

        @JsonCreator
        public static Fn of(String symbol) {
            for (Fn fn : values()) {
                if (fn.symbol.equals(symbol)) {
                    return fn;
                }
            }
            throw new IllegalArgumentException("unknown arithmetic fn '" + symbol + "'; expected one of " + SYMBOLS);
        }
    }

    /** Druid's orderings of arithmetic results. */
    public enum Ordering {
        /** Finite values after NaN and the infinities in ascending order, so before them when largest comes first. */
        NUMERIC_FIRST;

        int compare(Object a, Object b) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            boolean finiteX = Double.isFinite(x);
            boolean finiteY = Double.isFinite(y);
            if (finiteX != finiteY) {
                return finiteX ? 1 : -1;
            }
            return Double.compare(x, y);
        }

        @JsonValue
        public String jsonName() {
            return "numericFirst";
        }

        @JsonCreator
        public static Ordering of(String name) {
            if ("numericFirst".equals(name)) {
                return NUMERIC_FIRST;
            }
            throw new IllegalArgumentException("unknown arithmetic ordering '" + name + "'; expected numericFirst or null");
        }
    }
}
