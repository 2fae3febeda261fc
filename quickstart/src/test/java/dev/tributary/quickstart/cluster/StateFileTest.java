package dev.tributary.quickstart.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadBackTheStateItWrote() {
        StateFile file = new StateFile(new ClusterLayout(dir));
        ClusterState state = ClusterState.initial(new MetadataDatabase("postgresql", "jdbc:postgresql://127.0.0.1:5432/db", null),
                "wikipedia", 6, "group", "1g").withServices("127.0.0.1:2181", "127.0.0.1:9092")
                .added(new ClusterProcess("worker-1", ClusterProcess.Role.WORKER, 42, 1_000, 8084, dir.resolve("logs/worker-1.log")))
                .added(new ClusterProcess("historical-1", ClusterProcess.Role.HISTORICAL, 43, 2_000, 8085, dir.resolve("h.log")));

        file.write(state);

        assertThat(file.read()).isEqualTo(state);
        assertThat(file.read().workersStarted()).isEqualTo(1);
        assertThat(file.read().drainTopic()).isEqualTo("wikipedia-drain");
    }

    @Test
    void shouldReplaceAWorkerByItsDrainingSelfAndForgetIt() {
        ClusterProcess worker = new ClusterProcess("worker-1", ClusterProcess.Role.WORKER, 42, 1_000, 8084, dir.resolve("w.log"));
        ClusterState state = ClusterState.initial(new MetadataDatabase("embedded", null, "/m"), "t", 1, "g", "1g").added(worker);
        ClusterProcess draining = new ClusterProcess("worker-1", ClusterProcess.Role.DRAINING_WORKER, 50, 3_000, 8084, worker.log());

        ClusterState replaced = state.replaced(draining);

        assertThat(replaced.processes()).containsExactly(draining);
        assertThat(replaced.workersStarted()).as("names are never reused").isEqualTo(1);
        assertThat(replaced.without("worker-1").processes()).isEmpty();
        assertThatThrownBy(() -> state.added(worker)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldSayHowToStartAClusterWhereThereIsNone() {
        assertThatThrownBy(() -> new StateFile(new ClusterLayout(dir)).read()).isInstanceOf(LocalClusterException.class)
                .hasMessageContaining("cluster up --dir");
    }
}
