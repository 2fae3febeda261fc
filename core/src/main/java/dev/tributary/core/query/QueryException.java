package dev.tributary.core.query;

import dev.tributary.core.TributaryException;

/**
 * A query that failed. Carries Druid's error fields: {@link #errorCode()} becomes the {@code error} of
 * the HTTP error JSON and {@link #httpStatus()} its status, so clients see what Druid would send.
 */
public class QueryException extends TributaryException {
    private static final long serialVersionUID = 1L;
    private final String errorCode;
    private final int httpStatus;

    public QueryException(String errorCode, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The Java class Druid would name in {@code errorClass}; ours by default. */
    public String errorClass() {
        return getCause() != null ? getCause().getClass().getName() : getClass().getName();
    }
}
