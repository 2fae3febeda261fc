package dev.tributary.deepstorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalDeepStorageTest extends DeepStorageContractTest {

    Path base;

    @Override
    DeepStorage newStorage() {
        base = temp.resolve("deep");
        return new LocalDeepStorage(base);
    }

    @Override
    void storeFilesWithoutMarker(Path segmentDirectory, SegmentKey key) throws IOException {
        Path target = ((LocalDeepStorage) storage).resolve(key);
        Files.createDirectories(target);
        try (var files = Files.list(segmentDirectory)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
    }

    @Override
    List<URI> locationsOutsideBase() {
        return List.of(
                base.resolve("../../etc").toUri(),
                URI.create(base.toUri() + "wikipedia/../../../etc/passwd"),
                base.toUri(), // the whole base is not a segment
                base.resolve("wikipedia").toUri(), // nor is a dataSource
                base.resolveSibling("deep-other").resolve(KEY.relativePath()).toUri(),
                URI.create("s3://bucket/" + KEY.relativePath()),
                URI.create("file:///etc/passwd"));
    }

    @Test
    void shouldLayOutSegmentsAsDataSourceIntervalVersionPartition() throws IOException {
        URI location = storage.push(segment("a", Map.of("data", "x")), KEY);

        Path expected = base.toAbsolutePath().resolve("wikipedia")
                .resolve("2026-01-01T00:00:00.000Z_2026-01-02T00:00:00.000Z")
                .resolve("2026-01-03T10:00:00.000Z").resolve("3");
        assertThat(Path.of(location)).isEqualTo(expected);
        assertThat(expected.resolve(DeepStorage.COMPLETE_MARKER)).isRegularFile();
        assertThat(expected.resolve("data")).hasContent("x");
    }

    @Test
    void shouldLeaveNoTemporaryDirectoriesBehindAfterPushes() throws IOException {
        storage.push(segment("a", Map.of("data", "1")), KEY);
        storage.push(segment("b", Map.of("data", "2")), KEY);

        try (var siblings = Files.list(((LocalDeepStorage) storage).resolve(KEY).getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("3");
        }
    }

    @Test
    void shouldNotTouchFilesOutsideTheBaseWhenKillIsRefused() throws IOException {
        Path victim = Files.writeString(temp.resolve("victim"), "keep me");

        assertThatThrownBy(() -> storage.kill(victim.getParent().toUri()))
                .isInstanceOf(LocationOutsideBaseException.class)
                .hasMessageContaining("outside the deep storage base");
        assertThat(victim).hasContent("keep me");
    }
}
