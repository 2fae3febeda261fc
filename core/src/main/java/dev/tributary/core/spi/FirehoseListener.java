package dev.tributary.core.spi;

import java.util.Collection;

/**
 * What a firehose tells its owner about positions it is about to give up, or has lost, so that the
 * owner can keep "commit after persist". Both methods are called on the ingestion thread from inside
 * {@link Firehose#poll} (as Kafka calls its rebalance listener), in the order events happen.
 */
public interface FirehoseListener {
    /**
     * The firehose is about to give up {@code partitions} (a rebalance revoking them, or closing):
     * persist every row handled so far and run the committer before returning, while the positions
     * can still be committed.
     */
    void beforeRelease(Collection<String> partitions);

    /**
     * {@code partitions} were taken away without a chance to commit (Kafka's "partitions lost"):
     * drop every row not yet committed. The firehose then reads its remaining partitions again from
     * their durable positions.
     */
    void lost(Collection<String> partitions);

    /** A listener that does nothing: for firehoses used without a persisting plumber. */
    FirehoseListener NONE = new FirehoseListener() {
        @Override
        public void beforeRelease(Collection<String> partitions) {
        }

        @Override
        public void lost(Collection<String> partitions) {
        }
    };
}
