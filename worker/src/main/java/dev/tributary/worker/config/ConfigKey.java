package dev.tributary.worker.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One runtime.properties key: its name, type, default, bounds and documentation, in one place
 * (as Kafka's ConfigDef does). docs/configuration.md lists every key defined here.
 *
 * <p>A value that fails to parse is echoed in the error so the user sees what was read; a key whose
 * value is secret uses {@link #secret}, which never fails to parse and has no validator, so its value
 * never reaches a message.
 *
 * @param <T> the parsed type
 */
public record ConfigKey<T>(String name, Class<T> type, T defaultValue, Function<String, T> parser,
        Function<T, String> validator, String doc) {

    /** What a {@link #secret} value shows as in {@code toString()} and messages. */
    public static final String MASK = "****";

    /** Reads the key's value from {@code props}, applying the default and checks. */
    public T read(Properties props) {
        return read(props.getProperty(name));
    }

    /** Whether {@code props} set this key at all (to any value). */
    public boolean isSet(Properties props) {
        return props.getProperty(name) != null;
    }

    /** Reads the key's value from {@code raw} (null means absent), applying the default and checks. */
    public T read(String raw) {
        T value;
        try {
            value = raw == null ? defaultValue : parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new InvalidConfigException(name, "'" + raw + "' is not a valid " + type.getSimpleName());
        }
        check(value);
        return value;
    }

    /** Applies the key's bounds to a value that did not come from a file (a config built in code). */
    public void check(T value) {
        String problem = value == null ? null : validator.apply(value);
        if (problem != null) {
            throw new InvalidConfigException(name, problem);
        }
    }

    public static ConfigKey<Integer> port(String name, int defaultValue, String doc) {
        return new ConfigKey<>(name, Integer.class, defaultValue, Integer::valueOf,
                p -> p < 0 || p > 65535 ? "must be a port number between 0 and 65535 (0 picks a free port)" : null, doc);
    }

    public static ConfigKey<String> text(String name, String defaultValue, String doc) {
        return new ConfigKey<>(name, String.class, defaultValue, Function.identity(),
                s -> s.isBlank() ? "must not be blank" : null, doc);
    }

    /** Text with no default: absent reads as null. */
    public static ConfigKey<String> optionalText(String name, String doc) {
        return text(name, null, doc);
    }

    /** A password or other secret, absent reads as null; any value (even empty) is accepted and never echoed. */
    public static ConfigKey<String> secret(String name, String doc) {
        return new ConfigKey<>(name, String.class, null, Function.identity(), s -> null, doc);
    }

    /** A {@link #secret} value as {@code toString()} shows it: {@code none} when absent, else {@link #MASK}. */
    public static String masked(String secret) {
        return secret == null ? "none" : MASK;
    }

    /** Text that must be one of {@code choices} (compared exactly; the choices are lowercase by convention). */
    public static ConfigKey<String> oneOf(String name, String defaultValue, List<String> choices, String doc) {
        List<String> allowed = List.copyOf(choices);
        return new ConfigKey<>(name, String.class, defaultValue, Function.identity(),
                s -> allowed.contains(s) ? null : "'" + s + "' must be one of " + allowed, doc);
    }

    /** The name of one of {@code choices} (see {@link ConfigChoice#of} for the constant it names). */
    public static ConfigKey<String> oneOf(String name, ConfigChoice defaultChoice, ConfigChoice[] choices, String doc) {
        return oneOf(name, defaultChoice.configName(), ConfigChoice.names(choices), doc);
    }

    /** Text matching {@code pattern}; {@code requirement} says in words what the pattern allows. */
    public static ConfigKey<String> matching(String name, String defaultValue, Pattern pattern, String requirement,
            String doc) {
        return new ConfigKey<>(name, String.class, defaultValue, Function.identity(),
                s -> pattern.matcher(s).matches() ? null : "'" + s + "' " + requirement, doc);
    }

    public static ConfigKey<Path> path(String name, Path defaultValue, String doc) {
        return new ConfigKey<>(name, Path.class, defaultValue, Path::of,
                p -> p.toString().isBlank() ? "must not be blank" : null, doc);
    }

    /** {@code true} or {@code false} (any case); anything else is refused rather than read as false. */
    public static ConfigKey<Boolean> bool(String name, boolean defaultValue, String doc) {
        return new ConfigKey<>(name, Boolean.class, defaultValue, ConfigKey::parseBoolean, b -> null, doc);
    }

    /**
     * An http or https URL with a host, absent reads as null. User information in it is refused
     * without echoing the value, since that is where a password would be.
     */
    public static ConfigKey<URI> optionalUrl(String name, String doc) {
        return new ConfigKey<>(name, URI.class, null, URI::create, ConfigKey::urlProblem, doc);
    }

    private static Boolean parseBoolean(String s) {
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.valueOf(s);
        }
        throw new IllegalArgumentException("not a boolean");
    }

    private static String urlProblem(URI url) {
        if (url.getRawUserInfo() != null) {
            return "must not contain user information; set the credentials in their own keys";
        }
        boolean http = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
        return http && url.getHost() != null ? null : "'" + url + "' must be an http or https URL with a host";
    }

    public static ConfigKey<Long> positiveLong(String name, long defaultValue, String doc) {
        return new ConfigKey<>(name, Long.class, defaultValue, Long::valueOf,
                v -> v <= 0 ? "must be positive" : null, doc);
    }
}
