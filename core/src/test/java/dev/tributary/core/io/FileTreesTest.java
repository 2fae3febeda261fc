package dev.tributary.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path tmp;

    @Test
    void shouldDeleteANestedTree() throws IOException {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("a/b/c"));
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve("top.txt"), "top");
        Files.writeString(root.resolve("a/b/c/deep.txt"), "deep");

        FileTrees.deleteRecursively(root);

        assertThat(root).doesNotExist();
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void shouldDeleteASingleFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");

        FileTrees.deleteRecursively(file);

        assertThat(file).doesNotExist();
    }

    @Test
    void shouldDoNothingWhenThePathDoesNotExist() throws IOException {
        FileTrees.deleteRecursively(tmp.resolve("missing"));

        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void shouldDeleteASymbolicLinkWithoutFollowingItOutOfTheTree() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path kept = Files.writeString(outside.resolve("kept.txt"), "kept");
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path link = root.resolve("link");
        assumeThatCode(() -> Files.createSymbolicLink(link, outside)).doesNotThrowAnyException();

        FileTrees.deleteRecursively(root);

        assertThat(root).doesNotExist();
        assertThat(kept).hasContent("kept");
    }
}
