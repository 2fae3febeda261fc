package dev.tributary.core.segment;

import java.nio.file.Path;

/**
 * A segment just written: where it is, how many rows it holds, and its size on disk.
 *
 * @param bytes the total size of its files
 */
public record WrittenSegment(Path directory, int rows, long bytes) {
}
