package dev.tributary.bench.jmh;

import dev.tributary.bench.druid.DruidEngine;
import dev.tributary.bench.engine.Engine;
import dev.tributary.bench.tributary.TributaryEngine;
import dev.tributary.bench.workload.BasicWorkload;
import dev.tributary.bench.workload.KafkaLikeWorkload;
import dev.tributary.bench.workload.Workload;

/** JMH parameter values to engines and workloads. */
final class Engines {
    private Engines() {
    }

    static Engine engine(String name, Workload workload) {
        return switch (name) {
            case "druid" -> new DruidEngine(workload.dataSchemaJson(), workload.events().size() + 1);
            case "tributary" -> new TributaryEngine(workload.dataSchemaJson());
            default -> throw new IllegalArgumentException("engine is druid or tributary, not " + name);
        };
    }

    static Workload workload(String name, int events) {
        return switch (name) {
            case "kafka-like" -> KafkaLikeWorkload.generate(events);
            case "druid-basic" -> BasicWorkload.generate(events);
            default -> throw new IllegalArgumentException("workload is kafka-like or druid-basic, not " + name);
        };
    }
}
