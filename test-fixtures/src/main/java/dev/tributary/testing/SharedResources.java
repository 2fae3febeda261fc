package dev.tributary.testing;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Servers that live once per test JVM: kept in the root store of the JUnit engine, which closes
 * every {@link AutoCloseable} value in it when the whole test run ends.
 */
final class SharedResources {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedResources.class);

    private SharedResources() {
    }

    /**
     * Returns the shared instance of {@code type}, starting it with {@code starter} if no test
     * class has yet. The root store computes each key once, even for classes run in parallel.
     */
    static <T extends AutoCloseable> T getOrStart(ExtensionContext context, Class<T> type, Supplier<T> starter) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(type, key -> starter.get(), type);
    }
}
