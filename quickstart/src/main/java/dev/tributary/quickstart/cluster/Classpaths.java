package dev.tributary.quickstart.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpaths of the cluster's processes. Tributary nodes run on the classpath of this command
 * itself (the quickstart module and its dependencies). ZooKeeper and Kafka run on their own jars only,
 * listed by Maven ({@code dependency:build-classpath}) in {@code classpath-zookeeper.txt} and
 * {@code classpath-kafka.txt} in the quickstart module's {@code target} directory, which is where this
 * class was loaded from ({@code target/classes} or the jar in {@code target}).
 */
record Classpaths(String node, String zooKeeper, String kafka) {
    /** Overrides the directory holding the classpath files. */
    static final String DIRECTORY_PROPERTY = "tributary.cluster.classpathDirectory";

    static Classpaths current() {
        Path directory = System.getProperty(DIRECTORY_PROPERTY) != null ? Path.of(System.getProperty(DIRECTORY_PROPERTY))
                : targetDirectory();
        return new Classpaths(System.getProperty("java.class.path"), read(directory.resolve("classpath-zookeeper.txt")),
                read(directory.resolve("classpath-kafka.txt")));
    }

    private static Path targetDirectory() {
        try {
            Path loadedFrom = Path.of(Classpaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return loadedFrom.getParent(); // target/classes or target/tributary-quickstart-<version>.jar
        } catch (URISyntaxException | RuntimeException e) {
            throw new LocalClusterException("cannot tell where the quickstart module was loaded from; set -D"
                    + DIRECTORY_PROPERTY + " to its target directory", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ", written by the quickstart module's Maven build: build it with "
                    + "'mvn -pl quickstart -am package -DskipTests' (" + e.getMessage() + ")", e);
        }
    }
}
