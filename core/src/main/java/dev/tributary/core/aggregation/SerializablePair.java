package dev.tributary.core.aggregation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The intermediate value of a first/last aggregator: the time a value was seen at and the value
 * (a Long, Double, Float or String; null when the chosen row had none). Druid serializes it as
 * {@code {"lhs": time, "rhs": value}}, and so do we.
 */
public record SerializablePair(@JsonProperty("lhs") long lhs, @JsonProperty("rhs") Object rhs) {
}
