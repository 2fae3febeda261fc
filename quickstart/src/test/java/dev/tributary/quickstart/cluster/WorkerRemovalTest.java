package dev.tributary.quickstart.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WorkerRemovalTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldCallADrainingWorkerDrainedOnlyOnceItHasRestoredAndHandedOffEverySink() throws Exception {
        // Before its firehose is assigned the drain topic, it may not have restored its sinks yet.
        assertThat(WorkerRemoval.drained(MAPPER.readTree("""
                {"sinks": 0, "pendingHandoffs": 0, "partitions": {}}"""))).isFalse();
        assertThat(WorkerRemoval.drained(MAPPER.readTree("""
                {"sinks": 1, "pendingHandoffs": 0, "partitions": {"t-drain-0": {"position": -1, "lag": 0}}}"""))).isFalse();
        assertThat(WorkerRemoval.drained(MAPPER.readTree("""
                {"sinks": 0, "pendingHandoffs": 1, "partitions": {"t-drain-0": {"position": -1, "lag": 0}}}"""))).isFalse();
        assertThat(WorkerRemoval.drained(MAPPER.readTree("""
                {"sinks": 0, "pendingHandoffs": 0, "partitions": {"t-drain-0": {"position": -1, "lag": 0}}}"""))).isTrue();
    }
}
