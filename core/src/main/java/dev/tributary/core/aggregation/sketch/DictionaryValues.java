package dev.tributary.core.aggregation.sketch;

import dev.tributary.core.column.StringColumn;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A string column's values converted once per dictionary id (to UTF-8 bytes, to chars, ...), so a
 * scan that feeds them to a sketch allocates nothing per row. Null stays null.
 *
 * @param <T> the converted form
 */
final class DictionaryValues<T> {
    private final StringColumn column;
    private final Function<String, T> convert;
    private Object[] cache = new Object[0];

    DictionaryValues(StringColumn column, Function<String, T> convert) {
        this.column = column;
        this.convert = convert;
    }

    static DictionaryValues<byte[]> utf8(StringColumn column) {
        return new DictionaryValues<>(column, s -> s.getBytes(StandardCharsets.UTF_8));
    }

    static DictionaryValues<char[]> chars(StringColumn column) {
        return new DictionaryValues<>(column, String::toCharArray);
    }

    @SuppressWarnings("unchecked")
    T get(int id) {
        if (id == StringColumn.NULL_ID) {
            return null;
        }
        if (id >= cache.length) {
            cache = Arrays.copyOf(cache, Math.max(id + 1, column.cardinality()));
        }
        Object value = cache[id];
        if (value == null) {
            String name = column.lookupName(id);
            if (name == null) {
                return null;
            }
            value = convert.apply(name);
            cache[id] = value;
        }
        return (T) value;
    }
}
