package dev.tributary.core.segment;

import dev.tributary.core.TributaryException;

/**
 * A segment on disk that cannot be trusted: a missing or truncated file, a checksum that does not
 * match, an unknown format version. Its rows are never served; the message names the file and what
 * is wrong with it. Not retriable: the same bytes fail the same way.
 */
public final class CorruptSegmentException extends TributaryException {
    private static final long serialVersionUID = 1L;

    public CorruptSegmentException(String message) {
        super(message);
    }

    public CorruptSegmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
