package dev.tributary.worker;

import java.nio.file.Path;

/** The rebalance scenario with the offset ledger in an embedded metadata store the worker JVMs share. */
class RebalanceIntegrationTest extends RebalanceScenario {
    @Override
    String metadataStore(Path dir) {
        return "tributary.metadata.storage.embedded.directory=" + dir.resolve("metadata") + "\n";
    }
}
