package dev.tributary.worker.cli;

import dev.tributary.core.spec.IngestionSpec;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.worker.cluster.ZooKeeperConfig;
import dev.tributary.worker.config.DeepStorageConfig;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.config.RuntimeProperties;
import java.util.Properties;
import dev.tributary.worker.metadata.MetadataStoreConfig;
import dev.tributary.worker.server.RealtimeServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary server realtime}: ingests one spec and serves queries until stopped. */
@Command(name = "realtime", mixinStandardHelpOptions = true,
        description = "Ingest a Druid realtime spec from Kafka and answer Druid native queries.")
final class RealtimeCommand implements Callable<Integer> {
    @Option(names = "--config", description = "runtime.properties of this node (optional: defaults apply)")
    Path config;

    @Option(names = "--spec", required = true, description = "the Druid realtime ingestion spec (JSON)")
    Path spec;

    @Override
    public Integer call() throws InterruptedException {
        NodeConfig nodeConfig = config == null ? NodeConfig.defaults() : NodeConfig.from(config);
        IngestionSpec ingestionSpec = SpecReader.read(spec);
        CountDownLatch stopped = new CountDownLatch(1);
        Properties props = config == null ? new Properties() : RuntimeProperties.load(config);
        MetadataStoreConfig metadata = MetadataStoreConfig.from(props);
        DeepStorageConfig storage = DeepStorageConfig.from(props);
        // With ZooKeeper configured the node is part of a cluster and hands its sinks off; without, they stay.
        RealtimeServer server = ZooKeeperConfig.configured(props)
                ? RealtimeServer.startInCluster(nodeConfig, metadata, ZooKeeperConfig.from(props), storage, ingestionSpec)
                : RealtimeServer.start(nodeConfig, metadata, ingestionSpec);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        System.out.println("realtime node serving http://" + nodeConfig.host() + ":" + server.port() + "/druid/v2");
        stopped.await();
        return 0;
    }
}
