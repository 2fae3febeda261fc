package dev.tributary.bench.engine;

import java.util.List;

/**
 * One side of the side-by-side, set up for one dataSchema: how it parses an event and builds an
 * in-memory index. Implementations are used from one thread at a time.
 */
public interface Engine {
    /** "Druid" or "Tributary". */
    String name();

    /** Parses one JSON event exactly as this engine's ingestion does; the result goes to {@link EngineIndex#add}. */
    Object parse(byte[] event);

    /** A new, empty in-memory index for the dataSchema this engine was set up with. */
    EngineIndex newIndex();

    /** Ways this side's setup differs from the requested one (a metric it cannot build, say); empty if none. */
    List<String> deviations();
}
