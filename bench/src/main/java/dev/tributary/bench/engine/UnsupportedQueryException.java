package dev.tributary.bench.engine;

/** The engine cannot read or run a query; the benchmark reports it rather than timing something else. */
public final class UnsupportedQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
