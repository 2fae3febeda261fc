package dev.tributary.core;

/**
 * The root of every exception Tributary throws on purpose. Subclasses are named after the failure
 * ({@code InvalidSpecException}, {@code UnparseableEventException}, ...), so a handler can tell what
 * went wrong from the type alone; {@link #isRetriable()} says whether trying again can help.
 */
public class TributaryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TributaryException(String message) {
        super(message);
    }

    public TributaryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same operation may succeed if tried again (a transient failure). */
    public boolean isRetriable() {
        return false;
    }
}
