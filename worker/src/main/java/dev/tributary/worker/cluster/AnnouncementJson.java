package dev.tributary.worker.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tributary.core.Json;
import dev.tributary.worker.metadata.DataSegment;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The data of the announcement nodes: {@link ServerInfo} and {@link DataSegment} as JSON.
 *
 * <p>Reading allows unknown fields, unlike a spec: an announcement is another server's output,
 * Druid's segment JSON carries fields the record does not hold ({@code identifier},
 * {@code binaryVersion}, ...), and a newer Tributary may add more during a rolling upgrade.
 */
final class AnnouncementJson {
    private static final ObjectReader READER = Json.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private AnnouncementJson() {
    }

    static byte[] write(Object announcement) {
        try {
            return Json.mapper().writeValueAsBytes(announcement);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + announcement + " as JSON", e);
        }
    }

    static ServerInfo readServer(byte[] data) throws IOException {
        return READER.forType(ServerInfo.class).readValue(data);
    }

    /**
     * Druid's segment JSON. DataSegment's own creator loses {@code dimensions} and {@code metrics}
     * (the comma-separated strings), so they are read here from the tree.
     */
    static DataSegment readSegment(byte[] data) throws IOException {
        JsonNode tree = READER.readTree(data);
        DataSegment segment = READER.forType(DataSegment.class).readValue(tree);
        return new DataSegment(segment.dataSource(), segment.interval(), segment.version(), segment.loadSpec(),
                names(tree, "dimensions"), names(tree, "metrics"), segment.partitionNum(), segment.size());
    }

    private static List<String> names(JsonNode tree, String field) {
        JsonNode csv = tree.path(field);
        if (!csv.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a comma-separated string");
        }
        return csv.asText().isEmpty() ? List.of() : Arrays.asList(csv.asText().split(","));
    }
}
