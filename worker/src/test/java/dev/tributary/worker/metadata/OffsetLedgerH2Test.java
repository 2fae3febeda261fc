package dev.tributary.worker.metadata;

import dev.tributary.testing.EmbeddedSqlExtension;
import dev.tributary.worker.metadata.MetadataStoreConfig.StorageType;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ledger's contract on the embedded store (H2). */
class OffsetLedgerH2Test extends OffsetLedgerContract {
    @RegisterExtension
    static final EmbeddedSqlExtension SQL = new EmbeddedSqlExtension();

    @Override
    MetadataStoreConfig config(String tablesBase) {
        return new MetadataStoreConfig(StorageType.EMBEDDED, SQL.jdbcUrl(), SQL.user(), SQL.password(), tablesBase);
    }
}
