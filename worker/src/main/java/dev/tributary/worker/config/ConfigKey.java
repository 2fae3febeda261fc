package dev.tributary.worker.config;

import java.util.function.Function;

/**
 * One runtime.properties key: its name, type, default, bounds and documentation, in one place
 * (as Kafka's ConfigDef does). docs/configuration.md lists every key defined here.
 *
 * @param <T> the parsed type
 */
public record ConfigKey<T>(String name, Class<T> type, T defaultValue, Function<String, T> parser,
        Function<T, String> validator, String doc) {

    /** Reads the key's value from {@code raw} (null means absent), applying the default and checks. */
    public T read(String raw) {
        T value;
        try {
            value = raw == null ? defaultValue : parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new InvalidConfigException(name, "'" + raw + "' is not a valid " + type.getSimpleName());
        }
        String problem = value == null ? null : validator.apply(value);
        if (problem != null) {
            throw new InvalidConfigException(name, problem);
        }
        return value;
    }

    static ConfigKey<Integer> port(String name, int defaultValue, String doc) {
        return new ConfigKey<>(name, Integer.class, defaultValue, Integer::valueOf,
                p -> p < 0 || p > 65535 ? "must be a port number between 0 and 65535 (0 picks a free port)" : null, doc);
    }

    static ConfigKey<String> text(String name, String defaultValue, String doc) {
        return new ConfigKey<>(name, String.class, defaultValue, Function.identity(),
                s -> s.isBlank() ? "must not be blank" : null, doc);
    }

    static ConfigKey<Long> positiveLong(String name, long defaultValue, String doc) {
        return new ConfigKey<>(name, Long.class, defaultValue, Long::valueOf,
                v -> v <= 0 ? "must be positive" : null, doc);
    }
}
