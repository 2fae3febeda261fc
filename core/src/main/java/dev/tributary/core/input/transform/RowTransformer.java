package dev.tributary.core.input.transform;

import dev.tributary.core.aggregation.Values;
import dev.tributary.core.input.EventRowIndex;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.input.UnparseableEventException;
import dev.tributary.core.query.filter.DimFilter;
import dev.tributary.core.spec.TransformSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link TransformSpec} to parsed rows: computes the transforms in order (each sees the
 * fields as the previous ones left them; a transform named {@code __time} replaces the event time),
 * then runs the filter. Stateless after construction; safe for several threads.
 */
public final class RowTransformer {
    private final List<String> names = new ArrayList<>();
    private final List<Expr> expressions = new ArrayList<>();
    private final DimFilter filter;

    public RowTransformer(TransformSpec spec) {
        for (TransformSpec.ExpressionTransform transform : spec.transforms()) {
            names.add(transform.name());
            expressions.add(transform.parsed());
        }
        this.filter = spec.filter();
    }

    /** Whether this transformer does anything at all. */
    public boolean isIdentity() {
        return names.isEmpty() && filter == null;
    }

    /**
     * The transformed row, or null when the filter rejects it.
     *
     * @throws UnparseableEventException when a transform of {@code __time} gives no valid time
     */
    public InputRow apply(InputRow row) {
        InputRow result = row;
        if (!names.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>(row.fields());
            long timestamp = row.timestamp();
            fields.put("__time", timestamp);
            List<String> dimensions = row.dimensions();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Object value;
                try {
                    value = expressions.get(i).eval(fields);
                } catch (RuntimeException e) {
                    throw new UnparseableEventException("transform '" + name + "' failed: " + e.getMessage(), e);
                }
                fields.put(name, value);
                if (name.equals("__time")) {
                    Long time = Values.toLong(value);
                    if (time == null) {
                        throw new UnparseableEventException("transform of __time gave no time: " + value);
                    }
                    timestamp = time;
                }
            }
            fields.remove("__time");
            result = new InputRow(timestamp, dimensions, fields);
        }
        if (filter != null && !EventRowIndex.matches(filter, result)) {
            return null;
        }
        return result;
    }
}
