package dev.tributary.bench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Whether two engines' JSON results say the same thing: same structure, same text, numbers equal up
 * to a relative tolerance (double sums differ in the last bits when added in another order).
 */
public final class ResultsComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double RELATIVE_TOLERANCE = 1e-9;

    private ResultsComparison() {
    }

    /** null if the two agree, else where they first differ. */
    public static String difference(String leftJson, String rightJson) {
        try {
            return difference("$", JSON.readTree(leftJson), JSON.readTree(rightJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String difference(String path, JsonNode left, JsonNode right) {
        if (left.isNumber() && right.isNumber()) {
            double l = left.doubleValue();
            double r = right.doubleValue();
            double scale = Math.max(1.0, Math.max(Math.abs(l), Math.abs(r)));
            return Math.abs(l - r) <= RELATIVE_TOLERANCE * scale ? null : path + ": " + left + " vs " + right;
        }
        if (left.getNodeType() != right.getNodeType() || left.size() != right.size()) {
            return path + ": " + abbreviate(left) + " vs " + abbreviate(right);
        }
        if (left.isArray()) {
            for (int i = 0; i < left.size(); i++) {
                String d = difference(path + "[" + i + "]", left.get(i), right.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (left.isObject()) {
            for (Map.Entry<String, JsonNode> field : left.properties()) {
                JsonNode other = right.get(field.getKey());
                if (other == null) {
                    return path + "." + field.getKey() + ": missing on the right";
                }
                String d = difference(path + "." + field.getKey(), field.getValue(), other);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return left.equals(right) ? null : path + ": " + left + " vs " + right;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
