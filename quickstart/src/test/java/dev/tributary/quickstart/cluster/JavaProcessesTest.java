package dev.tributary.quickstart.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaProcessesTest {
    @TempDir
    Path dir;

    @Test
    void shouldNotTakeAProcessWithTheSamePidButAnotherStartTimeForTheOneItStarted() {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().map(Instant::toEpochMilli).orElseThrow();

        assertThat(JavaProcesses.isAlive(process(self.pid(), started))).isTrue();
        assertThat(JavaProcesses.isAlive(process(self.pid(), started - 3_600_000))).as("a recycled pid").isFalse();
    }

    @Test
    void shouldLogAStartedProcessAndStopItWithSigterm() {
        Path log = dir.resolve("logs/sleeper.log");
        ClusterProcess sleeper = JavaProcesses.start("sleeper", ClusterProcess.Role.PRODUCER, 0, List.of("-Xmx32m"),
                System.getProperty("java.class.path"), Sleeper.class.getName(), List.of(), log, dir);
        await().atMost(Duration.ofSeconds(60)).until(() -> JavaProcesses.tail(log, 5).contains("sleeping"));
        assertThat(JavaProcesses.isAlive(sleeper)).isTrue();

        JavaProcesses.stop(sleeper, Duration.ofSeconds(30));

        assertThat(JavaProcesses.isAlive(sleeper)).isFalse();
        assertThat(ProcessHandle.of(sleeper.pid()).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    private ClusterProcess process(long pid, long startMillis) {
        return new ClusterProcess("p", ClusterProcess.Role.PRODUCER, pid, startMillis, 0, dir.resolve("p.log"));
    }

    /** A process that prints a line and waits to be stopped. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("sleeping");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
