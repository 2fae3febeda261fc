package dev.tributary.worker.metadata;

import dev.tributary.testing.PostgresExtension;
import dev.tributary.worker.metadata.MetadataStoreConfig.StorageType;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ledger's contract on PostgreSQL (skipped where no server runs, except in CI). */
class OffsetLedgerPostgresTest extends OffsetLedgerContract {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    MetadataStoreConfig config(String tablesBase) {
        return new MetadataStoreConfig(StorageType.POSTGRESQL, POSTGRES.jdbcUrl(), POSTGRES.user(),
                POSTGRES.password(), tablesBase);
    }
}
