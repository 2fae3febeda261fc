package dev.tributary.quickstart.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistedSinksTest {
    private static final String SINK = "1700000000000_1700000060000";

    @TempDir
    Path persist;

    @Test
    void shouldFindNothingInADirectoryThatIsMissingOrEmpty() throws IOException {
        assertThat(PersistedSinks.committedIn(persist.resolve("never-created"))).isEmpty();
        assertThat(PersistedSinks.committedIn(persist)).isEmpty();
        Files.createDirectories(persist.resolve("edits"));
        Files.createFile(persist.resolve("edits").resolve(".lock"));
        assertThat(PersistedSinks.committedIn(persist)).isEmpty();
    }

    @Test
    void shouldNotCountASinkWhoseDeletionAfterItsHandoffWasCutShort() throws IOException {
        committedHydrant(persist.resolve("edits").resolve(".dropped-" + SINK), 0);

        assertThat(PersistedSinks.committedIn(persist)).isEmpty();
    }

    @Test
    void shouldNotCountHydrantsWithoutTheirCommitFile() throws IOException {
        Path sink = persist.resolve("edits").resolve(SINK);
        Files.createDirectories(sink.resolve("0"));
        Files.createDirectories(sink.resolve(".tmp-1"));
        Files.writeString(sink.resolve(".tmp-1.commit"), "{}"); // a commit write cut short
        Files.writeString(sink.resolve("2.commit"), "{}"); // a commit whose hydrant is gone
        Files.writeString(sink.resolve("sink.json"), "{}");
        Files.createDirectories(sink.resolve("merged"));

        assertThat(PersistedSinks.committedIn(persist)).isEmpty();
    }

    @Test
    void shouldCountASinkWithACommittedHydrant() throws IOException {
        Path sink = persist.resolve("edits").resolve(SINK);
        Files.createDirectories(sink.resolve("0"));
        committedHydrant(sink, 1);

        assertThat(PersistedSinks.committedIn(persist)).containsExactly(sink);
    }

    @Test
    void shouldCountTheCommittedSinksOfEveryDataSource() throws IOException {
        Path edits = persist.resolve("edits");
        Path wikipedia = persist.resolve("wikipedia");
        committedHydrant(edits.resolve("1700000000000_1700000060000"), 0);
        committedHydrant(edits.resolve("1700000060000_1700000120000"), 3);
        Files.createDirectories(edits.resolve("1700000120000_1700000180000").resolve("0")); // not committed
        committedHydrant(wikipedia.resolve("-60000_0"), 0); // before 1970
        committedHydrant(wikipedia.resolve("not-a-sink"), 0);

        assertThat(PersistedSinks.committedIn(persist)).containsExactly(edits.resolve("1700000000000_1700000060000"),
                edits.resolve("1700000060000_1700000120000"), wikipedia.resolve("-60000_0"));
    }

    private static void committedHydrant(Path sink, int number) throws IOException {
        Files.createDirectories(sink.resolve(Integer.toString(number)));
        Files.writeString(sink.resolve(number + ".commit"), "{\"commitId\":\"c-" + number + "\"}");
    }
}
