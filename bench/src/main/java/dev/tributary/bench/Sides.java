package dev.tributary.bench;

import dev.tributary.bench.druid.DruidEngine;
import dev.tributary.bench.engine.Engine;
import dev.tributary.bench.engine.EngineIndex;
import dev.tributary.bench.tributary.TributaryEngine;
import dev.tributary.bench.workload.Workload;
import java.util.ArrayList;
import java.util.List;

/** Both engines set up for one workload, and the loops every comparison shares. */
record Sides(Engine druid, Engine tributary) {
    static Sides forWorkload(Workload workload) {
        return new Sides(new DruidEngine(workload.dataSchemaJson(), workload.events().size() + 1),
                new TributaryEngine(workload.dataSchemaJson()));
    }

    /** Both sides, Druid first on even rounds and Tributary first on odd ones, so drift hits both alike. */
    List<Engine> inOrder(int round) {
        return round % 2 == 0 ? List.of(druid, tributary) : List.of(tributary, druid);
    }

    /** An index built from JSON bytes: parse, then add, one event at a time. */
    static EngineIndex buildFromJson(Engine engine, List<byte[]> events) {
        EngineIndex index = engine.newIndex();
        for (byte[] event : events) {
            index.add(engine.parse(event));
        }
        return index;
    }

    /** An index built from events this engine parsed beforehand: the add alone. */
    static EngineIndex buildFromParsed(Engine engine, List<Object> parsed) {
        EngineIndex index = engine.newIndex();
        for (Object event : parsed) {
            index.add(event);
        }
        return index;
    }

    static List<Object> parseAll(Engine engine, List<byte[]> events) {
        List<Object> parsed = new ArrayList<>(events.size());
        for (byte[] event : events) {
            parsed.add(engine.parse(event));
        }
        return parsed;
    }
}
