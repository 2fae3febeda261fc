package dev.tributary.bench.segment;

/**
 * What a persist or merge wrote.
 *
 * @param rows rows in the written segment
 * @param bytes the size of every file under its directory, counted the same way for both sides
 */
public record WrittenSegment(int rows, long bytes) {
    public WrittenSegment {
        if (rows < 0 || bytes < 0) {
            throw new IllegalArgumentException("rows and bytes cannot be negative: " + rows + ", " + bytes);
        }
    }

    public double bytesPerRow() {
        return rows == 0 ? Double.NaN : (double) bytes / rows;
    }
}
