package dev.tributary.deepstorage;

/**
 * A location or key would reach outside the storage base, or is not a segment directory under it
 * (wrong scheme or bucket, {@code ..}, an invalid dataSource, ...). Never retriable.
 */
public class LocationOutsideBaseException extends DeepStorageException {
    private static final long serialVersionUID = 1L;

    public LocationOutsideBaseException(String message) {
        super(message, false);
    }
}
