package dev.tributary.core.spec;

/**
 * dataSource names become directory names in persist and deep storage paths, so a name that could
 * climb out of its base directory, hide itself or break a path is refused.
 */
public final class DataSourceNames {
    public static final int MAX_LENGTH = 255;

    private DataSourceNames() {
    }

    /** The reason {@code name} is not a valid dataSource name, or null if it is valid. */
    public static String problem(String name) {
        if (name == null || name.isBlank()) {
            return "must not be empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        if (name.startsWith(".")) {
            return "'" + name + "' must not start with '.'";
        }
        if (name.contains("/") || name.contains("\\")) {
            return "'" + name + "' must not contain '/' or '\\'";
        }
        if (name.contains("..")) {
            return "'" + name + "' must not contain '..'";
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "must not contain control characters";
            }
        }
        return null;
    }
}
