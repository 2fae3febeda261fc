package dev.tributary.worker.historical;

import dev.tributary.worker.NodeClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Queries {@link TestSegments#TOTALS} through one node, across the cluster, over and over until
 * closed, and remembers every answer: the totals, or the status and body of a failed query.
 */
final class TotalsLoop implements AutoCloseable {
    private final List<Long> totals = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    TotalsLoop(NodeClient node) {
        thread = new Thread(() -> {
            while (running.get()) {
                try {
                    NodeClient.Response response = node.query(TestSegments.TOTALS);
                    if (response.status() == 200) {
                        totals.add(total(response));
                    } else {
                        failures.add(response.status() + " " + response.body());
                    }
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
            }
        }, "totals-loop");
        thread.start();
    }

    /** The events counted by a 200 answer to {@link TestSegments#TOTALS} ([] counts none). */
    static long total(NodeClient.Response response) {
        return response.body().isEmpty() ? 0 : response.body().get(0).get("result").get("events").asLong();
    }

    /** How many queries have answered so far. */
    int answers() {
        return totals.size() + failures.size();
    }

    /** Stops the loop; the totals of the queries that answered, in order. */
    List<Long> stopAndGetTotals() throws InterruptedException {
        close();
        return new ArrayList<>(totals);
    }

    /** The queries that failed, with their status and error, in order. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(30_000);
    }
}
