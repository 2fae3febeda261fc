package dev.tributary.worker.firehose;

import dev.tributary.core.TributaryException;

/**
 * The {@code local} firehose could not read its files or write its positions file. Retriable: a full
 * disk or a permission fixed by an operator lets the same operation succeed.
 */
public final class LocalFirehoseException extends TributaryException {
    private static final long serialVersionUID = 1L;

    public LocalFirehoseException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
