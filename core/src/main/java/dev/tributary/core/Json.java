package dev.tributary.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tributary.core.spi.Extensions;

/**
 * The one way Tributary configures Jackson: strict on input (an unknown field is an error, never
 * silently ignored), with every extension's spec types registered. Mappers are thread-safe.
 */
public final class Json {
    private static final ObjectMapper STRICT = build();

    private Json() {
    }

    /** The shared strict mapper. Do not reconfigure it; {@code copy()} it instead. */
    public static ObjectMapper mapper() {
        return STRICT;
    }

    private static ObjectMapper build() {
        JsonMapper.Builder builder = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(new JavaTimeModule())
                .addModule(new dev.tributary.core.aggregation.sketch.SketchJsonModule());
        Extensions.loaded().forEach(e -> e.jacksonModules().forEach(builder::addModule));
        return builder.build();
    }
}
