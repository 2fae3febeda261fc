package dev.tributary.core.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.DimensionSchema;
import dev.tributary.core.spec.FlattenSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses one JSON object per event with Jackson's streaming parser. The dimensions of a row are the
 * spec's list, or, when the spec lists none (schemaless), every top-level field that is not the
 * timestamp, a metric's input or name, or excluded, in the order the event holds them.
 */
public final class JsonInputRowParser implements InputRowParser {
    /**
     * Thread-local buffer recycling (the cheapest for one long-lived ingestion thread) and the fast
     * double parser: together they cut per-event parser overhead noticeably.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .recyclerPool(com.fasterxml.jackson.core.util.JsonRecyclerPools.threadLocalPool())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

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
        try (JsonParser parser = FACTORY.createParser(event)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnparseableEventException("event is not a JSON object");
            }
            Map<String, Object> fields = readFields(parser);
            if (parser.nextToken() != null) {
                throw new UnparseableEventException("event has data after its JSON object");
            }
            return fields;
        } catch (IOException e) {
            throw new UnparseableEventException("event is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** Reads the fields of the object whose START_OBJECT was just read. */
    private static Map<String, Object> readFields(JsonParser parser) throws IOException {
        Map<String, Object> fields = new FieldMap();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            fields.put(name, readValue(parser, parser.nextToken()));
        }
        return fields;
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            // The casts keep a long a Long: "cond ? double : long" would promote every integer to Double.
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? (Object) parser.getDoubleValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_ARRAY -> {
                List<Object> values = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    values.add(readValue(parser, t));
                }
                yield values;
            }
            case START_OBJECT -> readFields(parser);
            default -> throw new UnparseableEventException("unexpected JSON token " + token);
        };
    }
}
