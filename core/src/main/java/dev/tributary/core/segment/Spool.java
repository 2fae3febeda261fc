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
