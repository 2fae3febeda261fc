package dev.tributary.worker.metadata;

import dev.tributary.testing.EmbeddedSqlExtension;
import dev.tributary.worker.metadata.MetadataStoreConfig.StorageType;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The segment store's contract on the embedded store (H2). */
class SegmentStoreH2Test extends SegmentStoreContract {
    @RegisterExtension
    static final EmbeddedSqlExtension SQL = new EmbeddedSqlExtension();

    @Override
    MetadataStoreConfig config(String tablesBase) {
        return new MetadataStoreConfig(StorageType.EMBEDDED, SQL.jdbcUrl(), SQL.user(), SQL.password(), tablesBase);
    }

    @Override
    Callable<Integer> failTheNextInsertOnce(String table) {
        String trigger = unique("fail_first_insert");
        store.withHandle("create a failing trigger", handle -> handle.execute("CREATE TRIGGER " + trigger
                + " BEFORE INSERT ON " + table + " FOR EACH ROW CALL '" + FailFirstInsertTrigger.class.getName() + "'"));
        return () -> FailFirstInsertTrigger.inserts(trigger);
    }
}
