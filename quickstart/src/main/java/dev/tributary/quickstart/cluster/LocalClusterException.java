package dev.tributary.quickstart.cluster;

import dev.tributary.core.TributaryException;

/**
 * A local cluster operation failed: a process did not start or answer, a service refused a request,
 * the directory holds something else, or the command was asked for something that does not exist.
 * The message says which, and where the process's log is.
 */
public class LocalClusterException extends TributaryException {
    private static final long serialVersionUID = 1L;

    public LocalClusterException(String message) {
        super(message);
    }

    public LocalClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
