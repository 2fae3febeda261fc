package dev.tributary.core.query.metadata;

import dev.tributary.core.query.filter.StringOrdering;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What segmentMetadata reports about one column, in Druid's {@code ColumnAnalysis} shape.
 *
 * @param typeSignature {@code LONG}, {@code STRING}, ... or {@code COMPLEX<typeName>}
 * @param type          the legacy type: the same, except a complex column's bare type name
 */
record ColumnAnalysis(String typeSignature, String type, boolean hasMultipleValues, boolean hasNulls, long size,
        Integer cardinality, String minValue, String maxValue, String errorMessage) {

    /** Two pieces' analyses of one column, merged as Druid merges them. */
    ColumnAnalysis merge(ColumnAnalysis other) {
        if (errorMessage != null) {
            return this;
        }
        if (other.errorMessage != null) {
            return other;
        }
        if (!Objects.equals(typeSignature, other.typeSignature)) {
            return new ColumnAnalysis(typeSignature, type, false, false, -1, null, null, null,
                    "error:cannot_merge_diff_types: [" + typeSignature + "] and [" + other.typeSignature + "]");
        }
        Integer mergedCardinality = cardinality == null ? other.cardinality
                : other.cardinality == null ? cardinality : Integer.valueOf(Math.max(cardinality, other.cardinality));
        return new ColumnAnalysis(typeSignature, type, hasMultipleValues || other.hasMultipleValues,
                hasNulls || other.hasNulls, size + other.size, mergedCardinality,
                extreme(minValue, other.minValue, true), extreme(maxValue, other.maxValue, false), null);
    }

    private static String extreme(String a, String b, boolean min) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int c = StringOrdering.LEXICOGRAPHIC.compare(a, b);
        return (min ? c <= 0 : c >= 0) ? a : b;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("typeSignature", typeSignature);
        json.put("type", type);
        json.put("hasMultipleValues", hasMultipleValues);
        json.put("hasNulls", hasNulls);
        json.put("size", size);
        json.put("cardinality", cardinality);
        json.put("minValue", minValue);
        json.put("maxValue", maxValue);
        json.put("errorMessage", errorMessage);
        return json;
    }
}
