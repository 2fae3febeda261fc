package dev.tributary.core.spi;

import com.fasterxml.jackson.databind.Module;
import java.util.List;

/**
 * A pluggable piece of Tributary (a firehose type, later a plumber or deep storage type), found with
 * {@link java.util.ServiceLoader} from {@code META-INF/services/dev.tributary.core.spi.TributaryExtension}.
 * Its Jackson modules register the spec {@code type} names it provides. Loaded once at start-up.
 */
public interface TributaryExtension {
    /** A short stable name shown in {@code GET /status}, such as {@code tributary-firehose-kafka}. */
    String name();

    /** The Jackson modules that register this extension's spec types. */
    List<Module> jacksonModules();

    /** The extension's version, read from its jar manifest when packaged. */
    default String version() {
        String v = getClass().getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
