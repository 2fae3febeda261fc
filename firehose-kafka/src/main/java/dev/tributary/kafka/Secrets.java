package dev.tributary.kafka;

import java.util.Locale;

/** Which consumer property keys hold secrets, so they never reach logs or {@code /status}. */
final class Secrets {
    private Secrets() {
    }

    static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("jaas") || k.contains("secret") || k.contains("token")
                || k.contains("credential") || k.endsWith(".key");
    }
}
