package dev.tributary.core.input;

import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.DimensionSchema;
import dev.tributary.core.spec.FlattenSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses one JSON object per event with {@link EventJsonReader}. The dimensions of a row are the
 * spec's list, or, when the spec lists none (schemaless), every top-level field that is not the
 * timestamp, a metric's input or name, or excluded, in the order the event holds them.
 */
public final class JsonInputRowParser implements InputRowParser {

    private final TimestampParser timestamp;
    private final List<String> declaredDimensions;
    private final Set<String> notDimensions;
    private final Flattener flattener;

    /** A parser for a schema whose flattenSpec, if any, is the legacy {@code parser.parseSpec.flattenSpec}. */
    public JsonInputRowParser(DataSchema schema) {
        this(schema, schema.flattenSpec());
    }

    /**
     * @param flattenSpec how nested fields become top-level ones (from {@code ioConfig.inputFormat}
     *                    or the legacy parseSpec); null for none
     */
    public JsonInputRowParser(DataSchema schema, FlattenSpec flattenSpec) {
        Flattener f = flattenSpec == null ? null : new Flattener(flattenSpec);
        this.flattener = f == null || f.isIdentity() ? null : f;
        this.timestamp = new TimestampParser(schema.timestampSpec());
        this.declaredDimensions = schema.dimensionsSpec().dimensions().stream().map(DimensionSchema::name).toList();
        Set<String> excluded = new java.util.HashSet<>(schema.dimensionsSpec().dimensionExclusions());
        excluded.add(schema.timestampSpec().column());
        excluded.addAll(schema.metricInputFields());
        // As in Druid: a field named like a metric is not a dimension, or it would split rolled-up rows.
        schema.metricsSpec().forEach(m -> excluded.add(m.name()));
        excluded.add("__time");
        this.notDimensions = Set.copyOf(excluded);
    }

    @Override
    public InputRow parse(byte[] event) {
        Map<String, Object> fields = readObject(event);
        if (flattener != null) {
            fields = flattener.flatten(fields);
        }
        long time = timestamp.parse(fields.get(timestamp.column()));
        List<String> dimensions = declaredDimensions;
        if (dimensions.isEmpty()) {
            dimensions = new ArrayList<>(fields.size());
            for (String name : fields.keySet()) {
                if (!notDimensions.contains(name)) {
                    dimensions.add(name);
                }
            }
        }
        return new InputRow(time, dimensions, fields);
    }

    private static Map<String, Object> readObject(byte[] event) {
        return EventJsonReader.readObject(event);
    }

}
