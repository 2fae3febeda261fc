package dev.tributary.deepstorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link DeepStorage} must do; one subclass per implementation. */
abstract class DeepStorageContractTest {

    static final SegmentKey KEY = new SegmentKey("wikipedia", "2026-01-01T00:00:00.000Z",
            "2026-01-02T00:00:00.000Z", "2026-01-03T10:00:00.000Z", 3);

    @TempDir
    Path temp;

    DeepStorage storage;

    /** A fresh storage, empty, of the implementation under test. */
    abstract DeepStorage newStorage();

    /** Stores the files of a segment the way a push does but without the marker (a crashed push). */
    abstract void storeFilesWithoutMarker(Path segmentDirectory, SegmentKey key) throws IOException;

    /** Locations that name something outside this storage's base. */
    abstract List<URI> locationsOutsideBase();

    @BeforeEach
    void createStorage() {
        storage = newStorage();
    }

    @Test
    void shouldPullExactlyTheFilesThatWerePushed() throws IOException {
        Path segment = segment("a", Map.of("version.bin", "9", "meta.smoosh", "meta", "00000.smoosh", "x".repeat(100_000)));

        URI location = storage.push(segment, KEY);
        Path pulled = temp.resolve("pulled");
        storage.pull(location, pulled);

        assertThat(contents(pulled)).isEqualTo(contents(segment));
        assertThat(location.getPath()).endsWith("/" + KEY.relativePath());
    }

    @Test
    void shouldPullNestedDirectories() throws IOException {
        Path segment = segment("nested", Map.of("index/columns/dim", "d", "top", "t"));

        Path pulled = temp.resolve("pulled");
        storage.pull(storage.push(segment, KEY), pulled);

        assertThat(contents(pulled)).isEqualTo(contents(segment));
    }

    @Test
    void shouldBeIdempotentWhenTheSameKeyIsPushedTwice() throws IOException {
        Path segment = segment("a", Map.of("data", "same"));

        URI first = storage.push(segment, KEY);
        URI second = storage.push(segment, KEY);
        Path pulled = temp.resolve("pulled");
        storage.pull(second, pulled);

        assertThat(second).isEqualTo(first);
        assertThat(contents(pulled)).isEqualTo(Map.of("data", "same"));
    }

    @Test
    void shouldReplaceTheWholeSegmentWhenTheSameKeyIsPushedWithOtherFiles() throws IOException {
        storage.push(segment("old", Map.of("data", "old", "stale", "gone after replace")), KEY);

        URI location = storage.push(segment("new", Map.of("data", "new")), KEY);
        Path pulled = temp.resolve("pulled");
        storage.pull(location, pulled);

        assertThat(contents(pulled)).isEqualTo(Map.of("data", "new"));
    }

    @Test
    void shouldRefuseToPullASegmentWhosePushDidNotFinish() throws IOException {
        Path segment = segment("a", Map.of("data", "half"));
        URI location = storage.push(segment, KEY);
        storage.kill(location);
        storeFilesWithoutMarker(segment, KEY);

        Path pulled = temp.resolve("pulled");
        assertThatThrownBy(() -> storage.pull(location, pulled))
                .isInstanceOf(SegmentNotFoundException.class)
                .hasMessageContaining(DeepStorage.COMPLETE_MARKER);
        assertThat(pulled).doesNotExist();
    }

    @Test
    void shouldMakeTheSegmentUnpullableAfterKill() throws IOException {
        URI location = storage.push(segment("a", Map.of("data", "x")), KEY);

        storage.kill(location);

        assertThatThrownBy(() -> storage.pull(location, temp.resolve("pulled")))
                .isInstanceOf(SegmentNotFoundException.class)
                .hasMessageContaining(location.toString());
        storage.kill(location); // killing what is not there does nothing
    }

    @Test
    void shouldKillOnlyTheGivenSegment() throws IOException {
        SegmentKey other = new SegmentKey(KEY.dataSource(), KEY.intervalStart(), KEY.intervalEnd(),
                KEY.version(), 4);
        URI location = storage.push(segment("a", Map.of("data", "x")), KEY);
        URI otherLocation = storage.push(segment("b", Map.of("data", "y")), other);

        storage.kill(location);

        Path pulled = temp.resolve("pulled");
        storage.pull(otherLocation, pulled);
        assertThat(contents(pulled)).isEqualTo(Map.of("data", "y"));
    }

    @Test
    void shouldRefusePullIntoAnExistingDirectory() throws IOException {
        URI location = storage.push(segment("a", Map.of("data", "x")), KEY);
        Path existing = Files.createDirectories(temp.resolve("existing"));

        assertThatThrownBy(() -> storage.pull(location, existing))
                .isInstanceOf(DeepStorageException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void shouldRefuseLocationsOutsideTheBaseForPullAndKill() {
        for (URI location : locationsOutsideBase()) {
            assertThatThrownBy(() -> storage.pull(location, temp.resolve("pulled")))
                    .as("pull %s", location)
                    .isInstanceOf(LocationOutsideBaseException.class);
            assertThatThrownBy(() -> storage.kill(location))
                    .as("kill %s", location)
                    .isInstanceOf(LocationOutsideBaseException.class);
        }
    }

    Path segment(String name, Map<String, String> files) throws IOException {
        Path directory = temp.resolve("segments").resolve(name);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = directory.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return directory;
    }

    static Map<String, String> contents(Path directory) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(directory.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return contents;
    }
}
