package dev.tributary.deepstorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check both deep storages make after a pull: exactly the manifest's files, sizes and checksums. */
class SegmentManifestTest {

    @TempDir
    Path temp;

    Path segment;
    SegmentManifest manifest;

    @BeforeEach
    void writeSegment() throws IOException {
        segment = Files.createDirectories(temp.resolve("segment"));
        Files.writeString(segment.resolve("index.bin"), "rows");
        Files.createDirectories(segment.resolve("columns"));
        Files.writeString(segment.resolve("columns/page.json"), "{}");
        manifest = SegmentManifest.of(segment);
    }

    @Test
    void shouldSurviveFormattingAndParsing() {
        assertThat(SegmentManifest.parse(manifest.format())).isEqualTo(manifest);
        assertThat(manifest.entries()).extracting(SegmentManifest.Entry::relativePath)
                .containsExactly("columns/page.json", "index.bin");
    }

    @Test
    void shouldAcceptADirectoryThatHoldsExactlyTheManifestFiles() {
        manifest.verify(segment, "file:/deep/segment/");
    }

    @Test
    void shouldRefuseAChangedFileAsRetriable() throws IOException {
        Files.writeString(segment.resolve("index.bin"), "ROWS"); // same size, other checksum

        assertRefused();
    }

    @Test
    void shouldRefuseAMissingFile() throws IOException {
        Files.delete(segment.resolve("columns/page.json"));

        assertRefused();
    }

    @Test
    void shouldRefuseAnExtraFile() throws IOException {
        Files.writeString(segment.resolve("extra.bin"), "");

        assertRefused();
    }

    @Test
    void shouldRefuseAManifestThatNamesAPathOutsideTheSegment() {
        for (String path : new String[] {"../escape", "/etc/passwd", "a/../../b", "a\\b"}) {
            assertThatThrownBy(() -> SegmentManifest.parse("00 1 " + path + "\n"))
                    .isInstanceOf(DeepStorageException.class).hasMessageContaining("unsafe path");
        }
    }

    private void assertRefused() {
        assertThatThrownBy(() -> manifest.verify(segment, "file:/deep/segment/"))
                .isInstanceOf(DeepStorageException.class)
                .hasMessageContaining("file:/deep/segment/ changed or was corrupted")
                .matches(e -> ((DeepStorageException) e).isRetriable(), "is retriable");
    }
}
