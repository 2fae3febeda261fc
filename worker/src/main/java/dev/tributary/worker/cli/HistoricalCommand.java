package dev.tributary.worker.cli;

import dev.tributary.worker.cluster.ZooKeeperConfig;
import dev.tributary.worker.config.DeepStorageConfig;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.config.RuntimeProperties;
import dev.tributary.worker.historical.HistoricalConfig;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import dev.tributary.worker.server.HistoricalServer;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary server historical}: holds and serves its share of the handed-off segments until stopped. */
@Command(name = "historical", mixinStandardHelpOptions = true,
        description = "Load used segments from deep storage (this node's share) and answer Druid native queries.")
final class HistoricalCommand implements Callable<Integer> {
    @Option(names = "--config", required = true,
            description = "runtime.properties of this node: tributary.zk.service.host is required")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        Properties props = RuntimeProperties.load(config);
        NodeConfig nodeConfig = NodeConfig.from(props);
        HistoricalServer server = HistoricalServer.start(nodeConfig, MetadataStoreConfig.from(props), ZooKeeperConfig.from(props),
                DeepStorageConfig.from(props), HistoricalConfig.from(props));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        System.out.println("historical node serving http://" + nodeConfig.host() + ":" + server.port() + "/druid/v2");
        stopped.await();
        return 0;
    }
}
