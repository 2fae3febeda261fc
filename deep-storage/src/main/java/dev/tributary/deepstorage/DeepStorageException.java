package dev.tributary.deepstorage;

import dev.tributary.core.TributaryException;

/** A deep-storage operation failed; {@link #isRetriable()} tells transient failures apart. */
public class DeepStorageException extends TributaryException {
    private static final long serialVersionUID = 1L;

    private final boolean retriable;

    public DeepStorageException(String message, Throwable cause, boolean retriable) {
        super(message, cause);
        this.retriable = retriable;
    }

    public DeepStorageException(String message, boolean retriable) {
        this(message, null, retriable);
    }

    @Override
    public boolean isRetriable() {
        return retriable;
    }
}
