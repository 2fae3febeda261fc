package dev.tributary.worker;

import dev.tributary.testing.PostgresExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rebalance scenario with the offset ledger in a real PostgreSQL the worker JVMs share. */
class RebalancePostgresIntegrationTest extends RebalanceScenario {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    String metadataStore(Path dir) {
        return "tributary.metadata.storage.type=postgresql\n"
                + "tributary.metadata.storage.connector.connectURI=" + POSTGRES.jdbcUrl() + "\n"
                + "tributary.metadata.storage.connector.user=" + POSTGRES.user() + "\n"
                + (POSTGRES.password() == null ? "" : "tributary.metadata.storage.connector.password=" + POSTGRES.password() + "\n");
    }
}
