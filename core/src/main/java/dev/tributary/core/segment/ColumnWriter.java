package dev.tributary.core.segment;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one column of a segment being built, row by row in the segment's row order, streaming to
 * spool files; {@link #finish} assembles them into the column's {@link SectionFile}. Used by one
 * thread.
 */
interface ColumnWriter extends AutoCloseable {
    /** Writes the column file to {@code file} (forced to disk) and removes the spool files. */
    void finish(Path file) throws IOException;

    /** Removes the spool files, whether or not {@link #finish} ran. */
    @Override
    void close() throws IOException;
}
