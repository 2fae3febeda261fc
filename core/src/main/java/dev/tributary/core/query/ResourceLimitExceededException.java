package dev.tributary.core.query;

/**
 * The query would hold more groups or rows than a node allows: Druid's {@code Resource limit exceeded},
 * HTTP 400. Asking for less (a shorter interval, a filter, a limit) helps; retrying does not.
 */
public final class ResourceLimitExceededException extends QueryException {
    private static final long serialVersionUID = 1L;

    public ResourceLimitExceededException(String message) {
        super("Resource limit exceeded", 400, message, null);
    }

    @Override
    public String errorClass() {
        return "org.apache.druid.query.ResourceLimitExceededException";
    }
}
