package dev.tributary.bench.jmh;

import dev.tributary.bench.engine.Engine;
import dev.tributary.bench.engine.EngineIndex;
import dev.tributary.bench.engine.PreparedQuery;
import dev.tributary.bench.workload.BenchQueries;
import dev.tributary.bench.workload.Workload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one query on a live index built from {@link #events} Kafka-like events (2.4 million make
 * about a million rows). A query an engine cannot run fails its setup: JMH reports the error and goes
 * on with the next combination.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class QueryBenchmark {
    @Param({"druid", "tributary"})
    public String engine;

    @Param({"timeseriesAll", "timeseriesHour", "timeseriesAllNoMax", "topN", "groupBy"})
    public String query;

    @Param({"2400000"})
    public int events;

    private PreparedQuery prepared;

    @Setup
    public void setUp() {
        Workload w = Engines.workload("kafka-like", events);
        Engine side = Engines.engine(engine, w);
        EngineIndex index = side.newIndex();
        for (byte[] event : w.events()) {
            index.add(side.parse(event));
        }
        prepared = index.prepare(BenchQueries.byId(query).json());
    }

    @Benchmark
    public Object run() {
        return prepared.run();
    }
}
