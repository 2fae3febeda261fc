package dev.tributary.worker.metadata;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A second process for {@link MetadataStoreTest}: opens the embedded store in the directory given as
 * the only argument, claims partition 0 of group {@code g} and topic {@code t}, and prints the epoch.
 */
public final class EmbeddedStoreProcess {

    private EmbeddedStoreProcess() {
    }

    public static void main(String[] args) {
        Properties props = new Properties();
        props.setProperty(MetadataStoreConfig.EMBEDDED_DIRECTORY.name(), Path.of(args[0]).toString());
        try (MetadataStore store = MetadataStore.open(MetadataStoreConfig.from(props))) {
            long epoch = store.offsetLedger().claim("g", "t", List.of(0), "child-process").get(0).epoch();
            System.out.println("epoch=" + epoch);
        }
    }
}
