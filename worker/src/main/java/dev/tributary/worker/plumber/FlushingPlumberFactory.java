package dev.tributary.worker.plumber;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.SpecFieldException;
import dev.tributary.core.spec.TuningConfig;
import dev.tributary.core.spi.Plumber;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code "plumber": {"type": "flushing", "flushDuration": "PT1H"}}, as Druid's flushing plumber:
 * persists and serves like {@code realtime}, commits after persist, but never hands off; a sink is
 * dropped (from queries, its announcement and disk) {@code flushDuration} after its interval and
 * windowPeriod end. In a cluster its sinks are announced like the realtime plumber's, so every node
 * can query them, but nothing is pushed or published.
 *
 * @param flushDuration how long a finished sink is still served (default PT1H)
 */
public record FlushingPlumberFactory(@JsonProperty("flushDuration") Duration flushDuration) implements HandoffPlumberFactory {
    public FlushingPlumberFactory {
        flushDuration = flushDuration == null ? Duration.ofHours(1) : flushDuration;
        SpecFieldException.require(!flushDuration.isNegative(), "flushDuration", "must not be negative");
    }

    @Override
    public Plumber create(DataSchema schema, TuningConfig tuning, SegmentHandoff handoff) {
        return new RealtimePlumber(schema, tuning, Clock.systemUTC(), flushDuration, handoff);
    }
}
