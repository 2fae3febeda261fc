package dev.tributary.deepstorage;

/** A {@link SegmentKey} part would break or escape the storage layout. Never retriable. */
public class InvalidSegmentKeyException extends DeepStorageException {
    private static final long serialVersionUID = 1L;

    public InvalidSegmentKeyException(String message) {
        super(message, false);
    }
}
