package dev.tributary.worker.realtime;

import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.time.Interval;

/**
 * All hydrants of one (dataSource, segment interval) on this worker. For now that is the one live
 * index; persisted hydrants join it with the persisting plumber.
 */
record Sink(Interval interval, IncrementalIndex index) {
}
