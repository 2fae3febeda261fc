package dev.tributary.kafka.repartition;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * The job's counts, as Kafka Streams metrics (so JMX and any Kafka metrics reporter see them): in the
 * group {@code stream-tributary-repartition-metrics}, per task, {@code rekeyed-total},
 * {@code filtered-total} and {@code unparseable-total}, each with its {@code -rate}.
 *
 * <p>The counts are of events handled, so under exactly-once an event whose transaction was aborted
 * and processed again is counted again; the target topic itself holds each event once.
 */
public final class RepartitionMetrics {
    /** Forwarded with its rollup-key hash as the key. */
    public static final String REKEYED = "rekeyed";
    /** Dropped: the transformSpec filter rejected it. */
    public static final String FILTERED = "filtered";
    /** Forwarded unchanged: the workers will count it as unparseable. */
    public static final String UNPARSEABLE = "unparseable";

    static final String SCOPE = "tributary-repartition";
    static final String GROUP = "stream-" + SCOPE + "-metrics";

    private RepartitionMetrics() {
    }

    static Sensor sensor(StreamsMetrics metrics, String task, String operation) {
        return metrics.addRateTotalSensor(SCOPE, "task-" + task, operation, Sensor.RecordingLevel.INFO);
    }

    /** The total of {@code operation} over every task in {@code metrics} (a KafkaStreams' metrics()). */
    public static long total(Map<MetricName, ? extends Metric> metrics, String operation) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            if (name.group().equals(GROUP) && name.name().equals(operation + "-total")) {
                total += ((Number) entry.getValue().metricValue()).doubleValue();
            }
        }
        return (long) total;
    }
}
