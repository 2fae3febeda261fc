package dev.tributary.worker.plumber;

import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.TuningConfig;
import dev.tributary.core.spi.Plumber;
import java.time.Clock;

/** {@code "plumber": {"type": "realtime"}}, the default: persists, commits after persist, hands off. */
public record RealtimePlumberFactory() implements HandoffPlumberFactory {
    @Override
    public Plumber create(DataSchema schema, TuningConfig tuning, SegmentHandoff handoff) {
        return new RealtimePlumber(schema, tuning, Clock.systemUTC(), handoff);
    }
}
