package dev.tributary.bench.segment;

import dev.tributary.bench.engine.Engine;
import dev.tributary.bench.engine.EngineIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A realtime task's hydrants, made the way a task makes them: events in arrival order go into an
 * in-memory index, which is persisted and replaced as soon as it holds {@code hydrantRows} rows (Druid
 * checks maxRowsInMemory after each add). Rollup is deterministic, so both sides cut the stream at the
 * same events and their hydrants hold the same rows.
 */
final class Hydrants {
    private Hydrants() {
    }

    /**
     * Persists up to {@code count} hydrants of {@code hydrantRows} rows each under {@code directory}
     * (as {@code 0}, {@code 1}, ...); the last one holds fewer rows if the events run out first.
     *
     * @return the hydrants' directories, in order
     */
    static List<Path> persist(SegmentEngine side, List<byte[]> events, int hydrantRows, int count, Path directory) {
        Engine engine = side.engine();
        List<Path> hydrants = new ArrayList<>(count);
        EngineIndex index = engine.newIndex();
        for (int e = 0; e < events.size() && hydrants.size() < count; e++) {
            index.add(engine.parse(events.get(e)));
            if (index.rowCount() >= hydrantRows) {
                hydrants.add(persist(side, index, directory.resolve(String.valueOf(hydrants.size()))));
                index = engine.newIndex();
            }
        }
        if (hydrants.size() < count && index.rowCount() > 0) {
            hydrants.add(persist(side, index, directory.resolve(String.valueOf(hydrants.size()))));
        }
        return hydrants;
    }

    private static Path persist(SegmentEngine side, EngineIndex index, Path directory) {
        side.persist(index, directory);
        return directory;
    }
}
