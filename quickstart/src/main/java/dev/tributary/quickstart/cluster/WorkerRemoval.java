package dev.tributary.quickstart.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.quickstart.cluster.ClusterProcess.Role;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Takes a worker out of the cluster for good without losing what it ingested.
 *
 * <p>A worker commits offsets only for rows it has persisted, but the rows of intervals that have not
 * been handed off live only in its persist directory. A worker that stopped with rows still there
 * would take them out of every query for good, while the workers that take over its partitions read
 * on from its committed offsets. So a removal goes:
 *
 * <ol>
 *   <li>SIGTERM: the worker persists and commits everything it read and, while a historical is up,
 *       hands off every sink (for at most a minute, serving each until a historical does), then leaves
 *       ZooKeeper. It has {@link #STOP_GRACE} for this before it gets SIGKILL.
 *   <li>Its static membership ({@code group.instance.id}) is removed from the consumer group, so the
 *       group gives its partitions to the other workers at once; they start at its committed offsets.
 *   <li>If its persist directory holds no sink with a committed hydrant ({@link PersistedSinks}), it
 *       handed everything off at stop: it leaves the state file, and the removal is done.
 *   <li>Otherwise (no historical was up, or the handoff at stop did not finish) it is restarted on its
 *       persist directory reading an empty topic, in a consumer group of its own
 *       ({@link Role#DRAINING_WORKER}): it restores the rows it persisted, serves them, and hands each
 *       sink off when the sink's interval and windowPeriod have passed.
 *   <li>Once it holds no sinks and no handoff is pending, it is stopped and leaves the state file.
 * </ol>
 *
 * Only in that fallback are rows served by nobody for a while: those it left on disk, between its stop
 * and its restart (a few seconds), so a query's total dips and comes back. Handoff needs a running
 * historical; without one, the worker is left draining.
 */
final class WorkerRemoval {
    /**
     * How long a worker being removed has from SIGTERM to exit before SIGKILL: up to 30 s for its
     * ingestion thread's last persist and commit, up to 60 s for the handoff of every sink (the
     * worker's {@code RealtimeNode.HANDOFF_AT_STOP}), then closing, with a margin. A kill before it
     * is done loses no rows, but leaves sinks on disk for a restart to hand off.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(120);

    private final ClusterState state;
    private final NodeLauncher launcher;
    private final WorkerSpecs specs;
    private final UnaryOperator<ClusterState> save;
    private final PrintStream out;

    WorkerRemoval(ClusterState state, NodeLauncher launcher, WorkerSpecs specs, UnaryOperator<ClusterState> save, PrintStream out) {
        this.state = state;
        this.launcher = launcher;
        this.specs = specs;
        this.save = save;
        this.out = out;
    }

    /**
     * @param name the worker, or null for the running worker started last
     * @return the worker as it ended: stopped, or still draining after {@code timeout}
     */
    ClusterProcess remove(String name, Duration timeout) {
        ClusterProcess worker = choose(name);
        if (worker.role() == Role.WORKER) {
            out.println("stopping " + worker.name() + " (pid " + worker.pid() + "): it persists and commits what it read, "
                    + "and hands off its sinks while a historical is up");
            JavaProcesses.stop(worker, STOP_GRACE);
            try (ClusterKafka kafka = new ClusterKafka(state.bootstrap())) {
                kafka.removeStaticMember(state.consumerGroup(), worker.name());
            }
            out.println(worker.name() + " left consumer group " + state.consumerGroup() + "; the other workers take its partitions");
        }
        if (JavaProcesses.isAlive(worker)) {
            return awaitDrained(worker, timeout); // draining since an earlier removal
        }
        List<Path> left = PersistedSinks.committedIn(launcher.persistDirectory(worker.name()));
        if (left.isEmpty()) {
            save.apply(state.without(worker.name()));
            out.println(worker.name() + " handed everything off at stop: no sink is left on disk, so it is not restarted");
            return worker;
        }
        out.println(worker.name() + " stopped with " + left.size() + (left.size() == 1 ? " sink" : " sinks") + " left on disk "
                + "(no historical was up, or its handoff at stop did not finish); it is restarted to hand them off");
        return awaitDrained(startDrain(worker), timeout);
    }

    /** Waits until the draining worker has handed off every sink, then stops it and forgets it. */
    private ClusterProcess awaitDrained(ClusterProcess draining, Duration timeout) {
        String name = draining.name();
        if (state.withRole(Role.HISTORICAL).stream().noneMatch(JavaProcesses::isAlive)) {
            out.println("no historical is running, so " + name + " cannot hand off: it stays draining "
                    + "(add one with 'cluster add-historical'; 'cluster status' shows its progress)");
            return draining;
        }
        out.println(name + " restarted to hand off what it persisted; waiting until its last sink is handed off");
        try {
            Waits.until(name + " to hand off its sinks", timeout, () -> drained(draining),
                    () -> JavaProcesses.isAlive(draining) ? null : name + " exited; see " + draining.log());
        } catch (LocalClusterException e) {
            out.println(e.getMessage() + "; it stays draining ('cluster status' shows it, 'cluster down' stops it)");
            return draining;
        }
        JavaProcesses.stop(draining, LocalCluster.NODE_STOP_GRACE);
        save.apply(state.without(name));
        out.println(name + " handed everything off and stopped");
        return draining;
    }

    private ClusterProcess choose(String name) {
        if (name != null) {
            ClusterProcess worker = state.find(name).orElseThrow(() -> new LocalClusterException("no process named " + name));
            if (worker.role() != Role.WORKER && worker.role() != Role.DRAINING_WORKER) {
                throw new LocalClusterException(name + " is a " + worker.role().label() + ", not a worker");
            }
            return worker;
        }
        List<ClusterProcess> running = state.withRole(Role.WORKER).stream().filter(JavaProcesses::isAlive).toList();
        if (running.isEmpty()) {
            throw new LocalClusterException("no worker is running");
        }
        return running.get(running.size() - 1);
    }

    private ClusterProcess startDrain(ClusterProcess worker) {
        ClusterProcess draining = launcher.startDrain(worker, specs);
        save.apply(state.replaced(draining));
        NodeLauncher.awaitHealthy(List.of(draining));
        return draining;
    }

    /**
     * Whether the draining worker has restored its persisted sinks (which happens before its firehose
     * is assigned the empty topic's partition) and handed every one off.
     */
    static boolean drained(ClusterProcess draining) {
        return NodeHttp.ingestion(draining.port()).map(WorkerRemoval::drained).orElse(false);
    }

    static boolean drained(JsonNode status) {
        return status.path("partitions").size() > 0 && status.path("sinks").asInt(-1) == 0
                && status.path("pendingHandoffs").asInt(-1) == 0;
    }
}
