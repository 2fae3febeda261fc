package dev.tributary.quickstart.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Reads and writes {@code cluster.json}. A write replaces the file whole (a temporary file moved over
 * it), so a reader such as {@code status} never sees half a state and needs no lock; commands that
 * change the cluster hold {@link #lock()} for their whole run, so two of them never interleave.
 */
final class StateFile {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ClusterLayout layout;

    StateFile(ClusterLayout layout) {
        this.layout = layout;
    }

    boolean exists() {
        return Files.exists(layout.stateFile());
    }

    /** @throws LocalClusterException if no cluster was brought up in the directory */
    ClusterState read() {
        if (!exists()) {
            throw new LocalClusterException("no local cluster in " + layout.root() + " (start one with: cluster up --dir "
                    + layout.root() + ")");
        }
        try {
            return MAPPER.readValue(layout.stateFile().toFile(), ClusterState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + layout.stateFile() + ": " + e.getMessage(), e);
        }
    }

    void write(ClusterState state) {
        Path target = layout.stateFile();
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            MAPPER.writeValue(temporary.toFile(), state);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes the cluster directory's lock, waiting while another {@code tributary cluster} command holds
     * it. Closing the returned lock releases it; the process ending does too.
     */
    AutoCloseable lock() {
        try {
            Files.createDirectories(layout.root());
            FileChannel channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            return () -> {
                lock.release();
                channel.close();
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + layout.lockFile() + ": " + e.getMessage(), e);
        }
    }
}
