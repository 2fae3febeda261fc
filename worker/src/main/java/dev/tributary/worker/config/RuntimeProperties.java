package dev.tributary.worker.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node's runtime.properties file, shared by the components' configs ({@link NodeConfig}, the
 * metadata store's, ...). Each component owns the keys under its prefix and refuses the ones it does
 * not know there, so a typo is an error rather than a silent default.
 */
public final class RuntimeProperties {

    private RuntimeProperties() {
    }

    public static Properties load(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return props;
    }

    /**
     * Refuses every key that starts with {@code prefix} and is not one of {@code known}, except keys
     * under {@code ownedElsewhere}: prefixes of other components, which check those keys themselves.
     */
    public static void requireKnownKeys(Properties props, String prefix, Collection<ConfigKey<?>> known,
            Collection<String> ownedElsewhere) {
        Set<String> names = new TreeSet<>();
        known.forEach(k -> names.add(k.name()));
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith(prefix) && !names.contains(key) && ownedElsewhere.stream().noneMatch(key::startsWith)) {
                throw new InvalidConfigException(key, "is not a known key; known keys are " + names);
            }
        }
    }
}
