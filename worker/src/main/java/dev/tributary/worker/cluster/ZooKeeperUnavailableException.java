package dev.tributary.worker.cluster;

import dev.tributary.core.TributaryException;

/**
 * ZooKeeper did not answer in time: the cluster view could not load, so this node cannot know which
 * servers are live. Retriable: the same operation may succeed once ZooKeeper is back.
 */
public final class ZooKeeperUnavailableException extends TributaryException {
    private static final long serialVersionUID = 1L;

    public ZooKeeperUnavailableException(String message) {
        super(message);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
