package dev.tributary.core.segment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link SectionFile}: sections one after another, then the table and the checksummed
 * footer. The file is forced to disk on {@link #close}. Used by one thread.
 */
final class SectionFileWriter implements AutoCloseable {
    private final SegmentOutput out;
    private final List<Long> starts = new ArrayList<>();
    private boolean finished;

    SectionFileWriter(Path path) throws IOException {
        this.out = new SegmentOutput(path, true);
    }

    /** Starts the next section and returns the stream to write it to. */
    SegmentOutput beginSection() {
        starts.add(out.position());
        return out;
    }

    /** Appends a section holding a copy of {@code file}. */
    void sectionFromFile(Path file) throws IOException {
        beginSection().writeFile(file);
    }

    /** Writes the table and the footer, forces the file to disk and closes it. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            long tableStart = out.position();
            for (long start : starts) {
                out.writeLong(start);
            }
            out.writeLong(tableStart); // so that section i spans [start i, start i + 1)
            out.writeInt(starts.size());
            out.writeInt(out.crc());
            out.writeInt(SectionFile.MAGIC);
        }
        out.close();
    }
}
