package dev.tributary.core.query;

/** A malformed or unsupported query: HTTP 400, Druid's {@code Unknown exception} error code. */
public final class InvalidQueryException extends QueryException {
    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message) {
        super("Unknown exception", 400, message, null);
    }

    public InvalidQueryException(String message, Throwable cause) {
        super("Unknown exception", 400, message, cause);
    }
}
