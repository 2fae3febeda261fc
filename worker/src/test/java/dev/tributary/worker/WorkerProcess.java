package dev.tributary.worker;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A realtime worker in its own JVM ({@code tributary server realtime}), its output in a log file. */
final class WorkerProcess {
    private static final Pattern SERVING = Pattern.compile("serving http://[^:]+:(\\d+)/druid/v2");

    final Process process;
    final int port;

    private WorkerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a worker and waits until it serves HTTP. */
    static WorkerProcess start(Path config, Path spec, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.tributary.worker.cli.TributaryCommand", "server", "realtime", "--config", config.toString(),
                "--spec", spec.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int[] port = {-1};
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the worker exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            Matcher m = SERVING.matcher(Files.readString(log));
            if (m.find()) {
                port[0] = Integer.parseInt(m.group(1));
            }
            return port[0] > 0;
        });
        return new WorkerProcess(process, port[0]);
    }

    NodeClient client() {
        return new NodeClient(port);
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the shutdown hook persists and commits, then the process exits. */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** SIGSTOP or SIGCONT: freeze or resume the whole JVM, as a long GC pause or a stalled host would. */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " failed");
        }
    }
}
