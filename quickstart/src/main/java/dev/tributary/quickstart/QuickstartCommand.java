package dev.tributary.quickstart;

import dev.tributary.worker.realtime.IngestionMetrics;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary quickstart}: the one-JVM demo, with a progress line every few seconds. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka broker and ZooKeeper, a realtime and a historical node, and a sample event "
                + "producer in one JVM; every minute of events is handed off to the historical.")
final class QuickstartCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8084", description = "HTTP port of the realtime node (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--rate", defaultValue = "1000", description = "sample events per second (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--events", defaultValue = "" + Long.MAX_VALUE, description = "stop producing after this many events")
    long events;

    @Option(names = "--partitions", defaultValue = "3", description = "partitions of the sample topic (default ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--report-seconds", defaultValue = "5", description = "seconds between progress lines (default ${DEFAULT-VALUE})")
    int reportSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        out.println("Starting the Tributary quickstart: embedded Kafka and ZooKeeper, a realtime and a historical node, "
                + "sample Wikipedia edits ...");
        Quickstart quickstart = Quickstart.start(port, rate, events, partitions);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            quickstart.close();
            stopped.countDown();
        }, "shutdown"));
        String base = "http://localhost:" + quickstart.port();
        out.println();
        out.println("Kafka broker:   " + quickstart.bootstrapServers() + " (topic '" + Quickstart.TOPIC + "')");
        out.println("Query API:      POST " + base + "/druid/v2   (any node answers for the whole cluster)");
        out.println("Status:         GET  " + base + "/status   " + base + "/status/ingestion");
        out.println("Historical:     GET  http://localhost:" + quickstart.historicalPort() + "/status/ingestion");
        out.println("Each minute of edits is handed off to the historical about 10 s after the minute ends.");
        out.println();
        out.println("Try this query (edits and characters added so far); run it again and watch it grow:");
        out.println("  curl -s -XPOST " + base + "/druid/v2 -H 'content-type: application/json' -d '"
                + "{\"queryType\":\"timeseries\",\"dataSource\":\"" + Quickstart.DATA_SOURCE + "\",\"intervals\":[\"1000/3000\"],"
                + "\"granularity\":\"all\",\"aggregations\":[{\"type\":\"longSum\",\"name\":\"edits\",\"fieldName\":\"count\"},"
                + "{\"type\":\"longSum\",\"name\":\"added\",\"fieldName\":\"added\"},{\"type\":\"count\",\"name\":\"rows\"}]}'");
        out.println();
        out.println("Press Ctrl-C to stop.");
        IngestionMetrics metrics = quickstart.server().node().metrics();
        long lastConsumed = 0;
        long lastNanos = System.nanoTime();
        while (!stopped.await(reportSeconds, TimeUnit.SECONDS)) {
            long consumed = metrics.consumed();
            long now = System.nanoTime();
            double perSecond = (consumed - lastConsumed) / ((now - lastNanos) / 1e9);
            Map<String, Object> status = quickstart.server().node().status();
            Object persist = status.get("persist");
            Object handedOff = persist instanceof Map<?, ?> map ? map.get("handedOff") : 0;
            out.printf("ingested %,d events | %,d rows in memory | %,.0f events/s | %,d unparseable | %,d thrown away"
                    + " | %s segments handed off, %s pending | historical serves %d segments%n",
                    metrics.processed(), quickstart.server().node().rowsInMemory(), perSecond,
                    metrics.unparseable(), metrics.thrownAway(), handedOff, status.get("pendingHandoffs"),
                    quickstart.historical().node().servedSegments().size());
            lastConsumed = consumed;
            lastNanos = now;
        }
        return 0;
    }
}
