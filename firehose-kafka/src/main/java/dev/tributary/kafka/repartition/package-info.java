/**
 * The repartition job ({@code tributary repartition}): a Kafka Streams application that re-keys a raw
 * topic by each event's rollup key (queryGranularity-truncated time plus dimension values), so that
 * events that roll up together reach the same worker. {@link dev.tributary.kafka.repartition.RollupKey}
 * is the key, {@link dev.tributary.kafka.repartition.RepartitionJob} the application.
 */
package dev.tributary.kafka.repartition;
