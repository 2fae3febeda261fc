package dev.tributary.kafka.repartition;

import dev.tributary.core.TributaryException;

/** A repartition job that cannot be run as configured: a missing topic, a reserved property. */
public final class InvalidRepartitionConfigException extends TributaryException {
    private static final long serialVersionUID = 1L;

    public InvalidRepartitionConfigException(String message) {
        super("Invalid repartition job: " + message);
    }
}
