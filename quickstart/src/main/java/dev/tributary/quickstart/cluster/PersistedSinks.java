package dev.tributary.quickstart.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sinks a stopped worker left in its persist directory with rows it committed: what a restart on
 * that directory would restore, and so what is still to be handed off.
 *
 * <p>The layout is the worker's ({@code dev.tributary.worker.plumber.PersistDirectory}): under
 * {@code basePersistDirectory}, one directory per dataSource; in it, one directory per sink named
 * {@code startMillis_endMillis}; in that, hydrant {@code n} as the directory {@code n}, committed once
 * the file {@code n.commit} is written after it. A hydrant without its commit file is deleted at the
 * next start (its rows are read again from Kafka), and a {@code .dropped-<sink>} directory is a sink
 * whose deletion after its handoff was cut short; neither holds rows that still need a handoff.
 *
 * <p>Reads the directory only. Call it once the worker has exited, so that nothing changes underneath.
 */
final class PersistedSinks {
    private static final Pattern SINK = Pattern.compile("-?[0-9]+_-?[0-9]+");
    private static final Pattern HYDRANT = Pattern.compile("[0-9]+");
    private static final String COMMIT_SUFFIX = ".commit";

    private PersistedSinks() {
    }

    /**
     * @param basePersistDirectory the worker's {@code basePersistDirectory}; it need not exist
     * @return the directories of the sinks holding at least one committed hydrant, of every dataSource, sorted
     */
    static List<Path> committedIn(Path basePersistDirectory) {
        List<Path> sinks = new ArrayList<>();
        for (Path dataSource : directories(basePersistDirectory)) {
            for (Path sink : directories(dataSource)) {
                if (SINK.matcher(sink.getFileName().toString()).matches() && hasCommittedHydrant(sink)) {
                    sinks.add(sink);
                }
            }
        }
        return sinks;
    }

    private static boolean hasCommittedHydrant(Path sink) {
        return directories(sink).stream().map(hydrant -> hydrant.getFileName().toString())
                .anyMatch(name -> HYDRANT.matcher(name).matches() && Files.isRegularFile(sink.resolve(name + COMMIT_SUFFIX)));
    }

    private static List<Path> directories(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent + ": " + e.getMessage(), e);
        }
    }
}
