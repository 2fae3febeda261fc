package dev.tributary.kafka.repartition;

import dev.tributary.core.input.InputRow;
import dev.tributary.core.input.InputRowParser;
import dev.tributary.core.input.UnparseableEventException;
import dev.tributary.core.input.transform.RowTransformer;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Re-keys one event: parses and transforms it as a worker would, drops it when the transformSpec
 * filter rejects it, and otherwise forwards the original bytes keyed by the {@link RollupKey} hash.
 *
 * <p>An event the workers would count as unparseable (too large, not JSON, no valid timestamp, a
 * failing transform) is forwarded unchanged, with its original key: dropping it here would hide it
 * from the workers' {@code unparseable} count and its sampled inspection. A row the filter rejects is
 * dropped, as the worker would throw it away; each outcome is counted in a Streams sensor (see
 * {@link RepartitionMetrics}).
 *
 * <p>One instance per stream task, called by that task's thread only, as Kafka Streams does.
 */
final class RepartitionProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    private final InputRowParser parser;
    private final RowTransformer transformer;
    private final RollupKey rollupKey;
    private final int maxEventBytes;
    private ProcessorContext<byte[], byte[]> context;
    private Sensor rekeyed;
    private Sensor filtered;
    private Sensor unparseable;

    RepartitionProcessor(InputRowParser parser, RowTransformer transformer, RollupKey rollupKey, int maxEventBytes) {
        this.parser = parser;
        this.transformer = transformer;
        this.rollupKey = rollupKey;
        this.maxEventBytes = maxEventBytes;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        String task = context.taskId().toString();
        rekeyed = RepartitionMetrics.sensor(context.metrics(), task, RepartitionMetrics.REKEYED);
        filtered = RepartitionMetrics.sensor(context.metrics(), task, RepartitionMetrics.FILTERED);
        unparseable = RepartitionMetrics.sensor(context.metrics(), task, RepartitionMetrics.UNPARSEABLE);
    }

    @Override
    public void process(Record<byte[], byte[]> event) {
        byte[] payload = event.value() == null ? new byte[0] : event.value();
        if (payload.length > maxEventBytes) {
            passOnUnparseable(event);
            return;
        }
        InputRow row;
        try {
            row = transformer.apply(parser.parse(payload));
        } catch (UnparseableEventException e) {
            passOnUnparseable(event);
            return;
        }
        if (row == null) {
            filtered.record();
            return;
        }
        rekeyed.record();
        context.forward(event.withKey(RollupKey.toBytes(rollupKey.hash(row))));
    }

    private void passOnUnparseable(Record<byte[], byte[]> event) {
        unparseable.record();
        context.forward(event);
    }
}
