package dev.tributary.worker.server;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a server, closed in reverse order of start: each part pushed as soon as it started,
 * so that a failed start closes exactly what had started, and a stop closes a part before the parts
 * it was built on. Not thread-safe: start and close from one thread.
 */
public final class ShutdownStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownStack.class);

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();

    /** Puts {@code part} on top, to be closed before every part pushed earlier; returns it. */
    public <T extends AutoCloseable> T push(T part) {
        parts.push(part);
        return part;
    }

    /** Whether nothing is left to close: nothing was pushed, or everything was closed. */
    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /**
     * Closes every part, the last pushed first, and empties the stack. A part that fails to close is
     * logged and the rest are still closed, so one stuck resource does not keep the others open.
     */
    @Override
    public void close() {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("closing {} was interrupted", part);
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", part, e.getMessage());
            }
        }
    }
}
