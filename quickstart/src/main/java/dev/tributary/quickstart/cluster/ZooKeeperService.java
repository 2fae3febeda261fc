package dev.tributary.quickstart.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A standalone ZooKeeper server process ({@code QuorumPeerMain}, ZooKeeper's own launcher) on
 * 127.0.0.1, its data under the cluster's {@code zookeeper/} directory.
 *
 * <p>Readiness is the {@code srvr} four-letter word answering with the server's mode: {@code ruok}
 * answers {@code imok} as soon as the port is open, before the server serves requests. Both words are
 * whitelisted in zoo.cfg; ZooKeeper refuses every four-letter word it is not told to allow.
 */
final class ZooKeeperService {
    static final String MAIN_CLASS = "org.apache.zookeeper.server.quorum.QuorumPeerMain";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private ZooKeeperService() {
    }

    /** Writes zoo.cfg, starts the server and returns once it serves. */
    static ClusterProcess start(ClusterLayout layout, Classpaths classpaths) {
        int port = FreePorts.pick();
        Path config = writeConfig(layout.zooKeeper(), port);
        ClusterProcess process = JavaProcesses.start("zookeeper", ClusterProcess.Role.ZOOKEEPER, port,
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + layout.logback()),
                classpaths.zooKeeper(), MAIN_CLASS, List.of(config.toString()), layout.log("zookeeper"), layout.zooKeeper());
        Waits.until("ZooKeeper to serve on port " + port, STARTUP_TIMEOUT, () -> serving(port),
                () -> JavaProcesses.isAlive(process) ? null
                        : "ZooKeeper exited; its log says:\n" + JavaProcesses.tail(process.log(), 30));
        return process;
    }

    /** Whether the server on {@code port} answers {@code srvr} with its mode, i.e. serves clients. */
    static boolean serving(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LocalCluster.HOST, port), 1_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return answer.contains("Mode: ");
        } catch (IOException e) {
            return false;
        }
    }

    private static Path writeConfig(Path directory, int port) {
        Path config = directory.resolve("zoo.cfg");
        String text = String.join("\n",
                "# Written by 'tributary cluster up'",
                "tickTime=2000",
                "dataDir=" + directory.resolve("data").toAbsolutePath(),
                "clientPort=" + port,
                "clientPortAddress=" + LocalCluster.HOST,
                "maxClientCnxns=0",
                // its admin HTTP server would take port 8080, which may be in use
                "admin.enableServer=false",
                "4lw.commands.whitelist=srvr,ruok",
                "");
        try {
            Files.createDirectories(directory.resolve("data"));
            Files.writeString(config, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config + ": " + e.getMessage(), e);
        }
        return config;
    }
}
