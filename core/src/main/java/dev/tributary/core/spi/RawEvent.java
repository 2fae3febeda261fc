package dev.tributary.core.spi;

/**
 * One event as the firehose read it, before parsing: the bytes plus where they came from, so a bad
 * event can be reported by its position.
 *
 * @param partition the event's source partition, such as {@code wikipedia-3} for a Kafka topic
 * @param offset the event's position in that partition
 * @param payload the raw bytes; never null (an empty record is an empty array)
 */
public record RawEvent(String partition, long offset, byte[] payload) {
    public RawEvent {
        payload = payload == null ? new byte[0] : payload;
    }
}
