package dev.tributary.worker.config;

import java.util.Arrays;
import java.util.List;

/**
 * A constant that a runtime.properties value selects, such as a storage type. Enums implement it so
 * that their {@link ConfigKey#oneOf(String, ConfigChoice, ConfigChoice[], String) key} and the lookup
 * of the constant agree on the names.
 */
public interface ConfigChoice {

    /** The value that selects this constant; lowercase by convention. */
    String configName();

    /** The names of {@code choices}, in their order. */
    static List<String> names(ConfigChoice[] choices) {
        return Arrays.stream(choices).map(ConfigChoice::configName).toList();
    }

    /** The one of {@code choices} that {@code configName} names; any other value is refused, naming {@code key}. */
    static <C extends ConfigChoice> C of(C[] choices, ConfigKey<String> key, String configName) {
        for (C choice : choices) {
            if (choice.configName().equals(configName)) {
                return choice;
            }
        }
        throw new InvalidConfigException(key.name(), "'" + configName + "' must be one of " + names(choices));
    }
}
