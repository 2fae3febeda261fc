package dev.tributary.core.spec;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.spi.FirehoseFactory;
import dev.tributary.core.spi.PlumberFactory;

/**
 * Druid's realtime {@code ioConfig}: where events come from and how their bytes are read.
 *
 * @param firehose the event source, chosen by its {@code type}
 * @param inputFormat how bytes become fields (default {@code {"type": "json"}})
 * @param plumber how rows are persisted and handed off, chosen by its {@code type}; null means the
 *                default, {@code realtime}, which the node supplies
 */
public record IoConfig(
        @JsonProperty("type") String type,
        @JsonProperty("firehose") FirehoseFactory firehose,
        @JsonProperty("inputFormat") InputFormatSpec inputFormat,
        @JsonProperty("plumber") PlumberFactory plumber) {
    public IoConfig {
        type = type == null ? "realtime" : type;
        require("realtime".equals(type), "type", "'" + type + "' is not a realtime ioConfig; use \"realtime\"");
        require(firehose != null, "firehose", "is required, for example {\"type\": \"kafka\", \"topic\": ...}");
        inputFormat = inputFormat == null ? InputFormatSpec.json() : inputFormat;
    }
}
