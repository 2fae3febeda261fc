package dev.tributary.deepstorage;

/**
 * No complete segment is at a location: it was never pushed, its push has not finished (no
 * {@link DeepStorage#COMPLETE_MARKER}), or it was killed. Not retriable: the caller decides
 * whether waiting for a push makes sense.
 */
public class SegmentNotFoundException extends DeepStorageException {
    private static final long serialVersionUID = 1L;

    public SegmentNotFoundException(String message) {
        super(message, false);
    }
}
