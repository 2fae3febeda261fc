package dev.tributary.core.segment;

import static dev.tributary.core.testing.TestData.index;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.index.IncrementalIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged segment is refused with a message naming the file; it never serves wrong rows. */
class CorruptSegmentTest {
    @TempDir
    Path temp;
    Path segment;

    @BeforeEach
    void persist() throws IOException {
        IncrementalIndex live = index(SegmentRoundTripTest.SCHEMA, SegmentRoundTripTest.randomEvents(new SplittableRandom(5), 2000));
        segment = SegmentWriter.write(live, temp.resolve("seg")).directory();
        try (Segment ok = Segment.open(segment)) {
            assertThat(ok.rowCount()).isPositive();
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(segment)) {
            return files.filter(f -> !f.getFileName().toString().equals(SegmentFiles.FORMAT_FILE)).sorted().toList();
        }
    }

    @Test
    void shouldRefuseEveryFileTruncatedAnywhere() throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        for (Path file : files()) {
            byte[] original = Files.readAllBytes(file);
            for (int cut : new int[] {0, 1, original.length / 2, original.length - 1, random.nextInt(original.length)}) {
                Files.write(file, java.util.Arrays.copyOf(original, cut));
                assertThatThrownBy(() -> Segment.open(segment)).as("%s cut to %d bytes", file.getFileName(), cut)
                        .isInstanceOf(CorruptSegmentException.class)
                        .hasMessageContaining(file.getFileName().toString());
            }
            Files.write(file, original);
        }
    }

    @Test
    void shouldRefuseAnySingleFlippedByte() throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        for (Path file : files()) {
            byte[] original = Files.readAllBytes(file);
            for (int trial = 0; trial < 20; trial++) {
                byte[] damaged = original.clone();
                int at = random.nextInt(damaged.length);
                damaged[at] ^= (byte) (1 << random.nextInt(8));
                Files.write(file, damaged);
                assertThatThrownBy(() -> Segment.open(segment)).as("%s with byte %d flipped", file.getFileName(), at)
                        .isInstanceOf(CorruptSegmentException.class)
                        .hasMessageContaining(file.getFileName().toString());
            }
            Files.write(file, original);
        }
        try (Segment restored = Segment.open(segment)) {
            assertThat(restored.rowCount()).isPositive();
        }
    }

    @Test
    void shouldRefuseAMissingFileAnUnknownVersionAndAForeignFileName() throws IOException {
        Path column = files().get(0);
        byte[] bytes = Files.readAllBytes(column);
        Files.delete(column);
        assertThatThrownBy(() -> Segment.open(segment)).isInstanceOf(CorruptSegmentException.class)
                .hasMessageContaining("missing");
        Files.write(column, bytes);

        Path format = segment.resolve(SegmentFiles.FORMAT_FILE);
        Files.writeString(format, "tributary-segment 2\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Segment.open(segment)).isInstanceOf(CorruptSegmentException.class)
                .hasMessageContaining("tributary-segment 2");
        Files.delete(format);
        assertThatThrownBy(() -> Segment.open(segment)).isInstanceOf(CorruptSegmentException.class)
                .hasMessageContaining("no format file");

        assertThatThrownBy(() -> SegmentFiles.column(segment, "../../etc/passwd"))
                .isInstanceOf(CorruptSegmentException.class).hasMessageContaining("not a segment column file name");
    }

    @Test
    void shouldLeaveATemporaryDirectoryThatRecoveryRecognizesWhenWritingFails() throws IOException {
        Path parent = temp.resolve("fails");
        Files.createDirectories(parent);
        Path tmp = SegmentFiles.newTemporary(parent.resolve("seg"));
        assertThat(SegmentFiles.isTemporary(tmp)).isTrue();
        assertThat(SegmentFiles.isTemporary(segment)).isFalse();
        assertThatThrownBy(() -> Segment.open(tmp)).isInstanceOf(CorruptSegmentException.class);
    }
}
