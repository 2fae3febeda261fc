package dev.tributary.core.spi;

/**
 * What a node gives a firehose when it connects it.
 *
 * @param listener told, from inside {@link Firehose#poll}, about positions given up or lost
 * @param ledger where positions are claimed and committed; null when the node has none (then a
 *               firehose keeps positions in its source alone, as Kafka's committed offsets)
 * @param owner this worker's name in the ledger (host and process), for operators
 */
public record FirehoseContext(FirehoseListener listener, PositionLedger ledger, String owner) {
    public FirehoseContext {
        listener = listener == null ? FirehoseListener.NONE : listener;
        owner = owner == null ? "unknown" : owner;
    }

    /** A context without a ledger, for tools and tests. */
    public static FirehoseContext of(FirehoseListener listener) {
        return new FirehoseContext(listener, null, null);
    }
}
