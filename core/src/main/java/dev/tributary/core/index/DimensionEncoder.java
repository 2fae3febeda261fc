package dev.tributary.core.index;

import dev.tributary.core.aggregation.Values;
import dev.tributary.core.spec.DimensionSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one dimension's input values into the compact form an index row keys on, and back. String
 * values are dictionary-encoded (an int, or an int[] for a multi-value row); numeric dimensions hold
 * a Long or Double. Written by the index's single writer under its write lock.
 */
final class DimensionEncoder {
    private final DimensionSchema schema;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    DimensionEncoder(DimensionSchema schema) {
        this.schema = schema;
    }

    String name() {
        return schema.name();
    }

    /** The key form of an input value; null when the row has no value. */
    Object encode(Object input) {
        return switch (schema.type()) {
            case "long" -> Values.toLong(input);
            case "float", "double" -> Values.toDouble(input);
            default -> encodeString(input);
        };
    }

    private Object encodeString(Object input) {
        if (input instanceof List<?> list) {
            if (list.isEmpty()) {
                return null;
            }
            if (list.size() == 1) {
                return id(Values.toText(list.get(0)));
            }
            List<String> texts = new ArrayList<>(list.size());
            for (Object v : list) {
                texts.add(Values.toText(v));
            }
            if (!"array".equals(schema.multiValueHandling())) {
                texts.sort(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
            }
            if ("sorted_set".equals(schema.multiValueHandling())) {
                texts = new ArrayList<>(new java.util.LinkedHashSet<>(texts));
                if (texts.size() == 1) {
                    return id(texts.get(0));
                }
            }
            int[] encoded = new int[texts.size()];
            for (int i = 0; i < encoded.length; i++) {
                encoded[i] = id(texts.get(i));
            }
            return encoded;
        }
        return input == null ? null : id(Values.toText(input));
    }

    private int id(String value) {
        Integer id = ids.get(value);
        if (id == null) {
            id = values.size();
            values.add(value);
            ids.put(value, id);
        }
        return id;
    }

    /** The value a query sees: a String, a List of Strings, a Long, a Double, or null. */
    Object decode(Object key) {
        if (key instanceof Integer id) {
            return values.get(id);
        }
        if (key instanceof int[] multi) {
            return Arrays.stream(multi).mapToObj(values::get).toList();
        }
        return key;
    }
}
