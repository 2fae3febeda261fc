package dev.tributary.worker.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tributary.core.Json;
import dev.tributary.worker.metadata.DataSegment;
import java.io.IOException;

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

    /** Druid's segment JSON. */
    static DataSegment readSegment(byte[] data) throws IOException {
        return READER.forType(DataSegment.class).readValue(data);
    }
}
