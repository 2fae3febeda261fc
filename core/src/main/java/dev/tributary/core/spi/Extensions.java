package dev.tributary.core.spi;

import java.util.List;
import java.util.ServiceLoader;

/** The extensions on the class path, loaded once. */
public final class Extensions {
    private static final List<TributaryExtension> LOADED = ServiceLoader.load(TributaryExtension.class)
            .stream().map(ServiceLoader.Provider::get).toList();

    private Extensions() {
    }

    public static List<TributaryExtension> loaded() {
        return LOADED;
    }
}
