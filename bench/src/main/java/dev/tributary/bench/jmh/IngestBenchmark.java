package dev.tributary.bench.jmh;

import dev.tributary.bench.engine.Engine;
import dev.tributary.bench.engine.EngineIndex;
import dev.tributary.bench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingest throughput in events per second, one thread: each invocation builds a fresh index from
 * {@link #EVENTS} events, from JSON bytes ({@code jsonAndAdd}) or from events parsed in setup
 * ({@code addOnly}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class IngestBenchmark {
    static final int EVENTS = 100_000;

    @Param({"druid", "tributary"})
    public String engine;

    @Param({"kafka-like", "druid-basic"})
    public String workload;

    private Engine side;
    private List<byte[]> events;
    private List<Object> parsed;

    @Setup
    public void setUp() {
        Workload w = Engines.workload(workload, EVENTS);
        side = Engines.engine(engine, w);
        events = w.events();
        parsed = new ArrayList<>(events.size());
        for (byte[] event : events) {
            parsed.add(side.parse(event));
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int jsonAndAdd() {
        EngineIndex index = side.newIndex();
        for (byte[] event : events) {
            index.add(side.parse(event));
        }
        return index.rowCount();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int addOnly() {
        EngineIndex index = side.newIndex();
        for (Object event : parsed) {
            index.add(event);
        }
        return index.rowCount();
    }
}
