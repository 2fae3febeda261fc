package dev.tributary.worker.metadata;

import dev.tributary.core.TributaryException;

/**
 * A metadata store operation that failed: the database was unreachable for the whole retry budget,
 * refused the login, or rejected a statement. The message names the operation and the database
 * (never the password). {@link #isRetriable()} is true when the last failure was transient, so the
 * same operation may succeed later; a caller that cannot wait should stop and let a restart retry.
 */
public final class MetadataStoreException extends TributaryException {
    private static final long serialVersionUID = 1L;

    private final boolean retriable;

    public MetadataStoreException(String message, Throwable cause, boolean retriable) {
        super(message, cause);
        this.retriable = retriable;
    }

    @Override
    public boolean isRetriable() {
        return retriable;
    }
}
