package dev.tributary.worker.plumber;

import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.TuningConfig;
import dev.tributary.core.spi.Plumber;
import dev.tributary.core.spi.PlumberFactory;
import java.time.Clock;

/** {@code "plumber": {"type": "realtime"}}, the default: persists, commits after persist. */
public record RealtimePlumberFactory() implements PlumberFactory {
    @Override
    public Plumber create(DataSchema schema, TuningConfig tuning) {
        return new RealtimePlumber(schema, tuning, Clock.systemUTC());
    }
}
