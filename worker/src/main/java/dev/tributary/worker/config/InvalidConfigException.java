package dev.tributary.worker.config;

import dev.tributary.core.TributaryException;

/** A runtime.properties value that cannot be used; the message names the key. */
public final class InvalidConfigException extends TributaryException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String key, String problem) {
        super("Invalid configuration: '" + key + "' " + problem);
    }
}
