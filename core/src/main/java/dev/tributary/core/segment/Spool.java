package dev.tributary.core.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A temporary file a column writer streams one section into, then copies into its column file. */
final class Spool implements AutoCloseable {
    private final Path path;
    private final SegmentOutput out;

    Spool(Path directory, String name) throws IOException {
        this.path = directory.resolve(name);
        this.out = new SegmentOutput(path, false);
    }

    SegmentOutput out() {
        return out;
    }

    /** Closes the spool for writing and maps what it holds, to read it back (little-endian). */
    java.nio.ByteBuffer map() throws IOException {
        out.close();
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.READ)) {
            return channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, channel.size())
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** Closes the spool for writing and returns its file, to copy. */
    Path closed() throws IOException {
        out.close();
        return path;
    }

    /** Closes the spool and appends it as the next section of {@code file}. */
    void copyInto(SectionFileWriter file) throws IOException {
        out.close();
        file.sectionFromFile(path);
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
