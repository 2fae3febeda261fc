package dev.tributary.worker.plumber;

import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.TuningConfig;
import dev.tributary.core.spi.Plumber;
import dev.tributary.core.spi.PlumberFactory;

/** A plumber type that can hand its sinks off to the cluster; the node gives it the cluster's services. */
public interface HandoffPlumberFactory extends PlumberFactory {
    /** A new plumber for one dataSource that announces and hands off its sinks through {@code handoff}. */
    Plumber create(DataSchema schema, TuningConfig tuning, SegmentHandoff handoff);

    @Override
    default Plumber create(DataSchema schema, TuningConfig tuning) {
        return create(schema, tuning, SegmentHandoff.NONE);
    }
}
