package dev.tributary.core.input;

import java.util.List;
import java.util.Map;

/**
 * One parsed event, ready for the index.
 *
 * @param timestamp the event time in epoch milliseconds (not yet truncated to queryGranularity)
 * @param dimensions the names of the fields that are dimensions of this row, in schema order
 * @param fields every input field by name: String, Long, Double, Boolean, List or Map values
 */
public record InputRow(long timestamp, List<String> dimensions, Map<String, Object> fields) {
    public Object get(String field) {
        return fields.get(field);
    }
}
