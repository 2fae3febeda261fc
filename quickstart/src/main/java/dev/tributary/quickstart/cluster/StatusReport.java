package dev.tributary.quickstart.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.quickstart.cluster.ClusterProcess.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code tributary cluster status} prints: one line per process (name, role, whether it runs,
 * pid, address), with what each node's {@code /status/ingestion} says: a worker's partitions and
 * their lag, events processed, sinks and pending handoffs; a historical's segments.
 */
final class StatusReport {
    private StatusReport() {
    }

    static String render(Path directory, ClusterState state) {
        StringBuilder report = new StringBuilder();
        report.append("Local cluster in ").append(directory).append('\n');
        report.append("metadata: ").append(state.metadata().describe()).append('\n');
        report.append("topic:    ").append(state.topic()).append(" (").append(state.partitions()).append(" partitions), group ")
                .append(state.consumerGroup()).append('\n');
        long processed = 0;
        for (ClusterProcess process : state.processes()) {
            boolean alive = JavaProcesses.isAlive(process);
            report.append(String.format("%-13s %-16s %-7s pid %-8d %s", process.name(), process.role().label(),
                    alive ? "up" : "stopped", process.pid(), address(process, state)));
            Optional<JsonNode> ingestion = alive && process.role().isNode() ? NodeHttp.ingestion(process.port()) : Optional.empty();
            if (ingestion.isPresent()) {
                report.append("  ").append(describe(process.role(), ingestion.get()));
                if (process.role() == Role.WORKER) {
                    processed += ingestion.get().path("processed").asLong();
                }
            } else if (alive && process.role().isNode()) {
                report.append("  (not answering)");
            }
            report.append('\n');
        }
        report.append("events processed by the running workers: ").append(String.format("%,d", processed)).append('\n');
        return report.toString();
    }

    private static String address(ClusterProcess process, ClusterState state) {
        return switch (process.role()) {
            case ZOOKEEPER -> state.zooKeeper() == null ? LocalCluster.HOST + ":" + process.port() : state.zooKeeper();
            case KAFKA -> KafkaService.bootstrap(process);
            case PRODUCER -> "-> " + state.topic();
            default -> process.url();
        };
    }

    private static String describe(Role role, JsonNode status) {
        if (role == Role.HISTORICAL) {
            return "segments " + status.path("segments").asInt();
        }
        List<String> partitions = new ArrayList<>();
        long lag = 0;
        for (var entry : status.path("partitions").properties()) {
            partitions.add(entry.getKey());
            lag += Math.max(0, entry.getValue().path("lag").asLong());
        }
        return String.format("%s | partitions %s | processed %,d | lag %,d | sinks %d | pending handoffs %d",
                status.path("state").asText(), partitions.isEmpty() ? "-" : String.join(",", partitions),
                status.path("processed").asLong(), lag, status.path("sinks").asInt(), status.path("pendingHandoffs").asInt());
    }
}
