package dev.tributary.core.input;

import dev.tributary.core.TributaryException;

/**
 * An event that cannot become a row: not JSON, not a JSON object, or without a valid timestamp.
 * Ingestion counts it as {@code unparseable} and goes on; it is never retried.
 */
public final class UnparseableEventException extends TributaryException {
    private static final long serialVersionUID = 1L;

    public UnparseableEventException(String message) {
        super(message);
    }

    public UnparseableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
