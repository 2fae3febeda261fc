package dev.tributary.embedded;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/** Formats the log directories of a KRaft node, as {@code kafka-storage.sh format} does. */
final class StorageFormatter {

    private StorageFormatter() {
    }

    /**
     * Formats {@code logDir} for the node described by {@code serverProperties}, with a new cluster
     * id, unless an earlier start formatted it already: then it is reused as it is, cluster id and all.
     */
    static void formatIfNeeded(Path serverProperties, Path logDir) {
        // Formatting again, even with --ignore-formatted, fails on the cluster id that the
        // directory already carries, so a formatted directory is recognised here and left alone.
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {
                "format",
                "--cluster-id", Uuid.randomUuid().toString(),
                "--config", serverProperties.toString()
            }, out);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting Kafka storage with " + serverProperties
                    + " failed with exit code " + exitCode + ": "
                    + captured.toString(StandardCharsets.UTF_8).strip());
        }
    }
}
