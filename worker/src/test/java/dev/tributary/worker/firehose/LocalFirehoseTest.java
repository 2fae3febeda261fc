package dev.tributary.worker.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.spec.IngestionSpec;
import dev.tributary.core.spec.InvalidSpecException;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.spi.Committer;
import dev.tributary.core.spi.Firehose;
import dev.tributary.core.spi.FirehoseContext;
import dev.tributary.core.spi.FirehoseListener;
import dev.tributary.core.spi.RawEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFirehoseTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Firehose connect(String filter) {
        return new LocalFirehoseFactory(dir.toString(), filter).connect(FirehoseContext.of(FirehoseListener.NONE));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> read(Firehose firehose) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (List<RawEvent> batch = firehose.poll(Duration.ZERO); !batch.isEmpty(); batch = firehose.poll(Duration.ZERO)) {
            batch.forEach(e -> seen.add(e.partition() + ":" + e.offset() + ":" + new String(e.payload(), StandardCharsets.UTF_8)));
        }
        return seen;
    }

    private static String lines(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append("{\"n\": ").append(i).append("}\n");
        }
        return text.toString();
    }

    @Test
    void shouldReadNonBlankLinesInFileNameOrderWithLineNumbersAsOffsets() throws Exception {
        write("b.json", "x\n\n  \ny\r\n");
        write("a.json", "1\n2");
        write("c.txt", "not matched\n");
        try (Firehose firehose = connect("*.json")) {
            assertThat(read(firehose)).containsExactly("a.json:0:1", "a.json:1:2", "b.json:0:x", "b.json:3:y");
            assertThat(firehose.poll(Duration.ZERO)).isEmpty();
        }
    }

    @Test
    void shouldReturnAtMostABatchOfLinesPerPoll() throws Exception {
        write("a.json", lines(0, 1500));
        write("b.json", lines(1500, 2500));
        try (Firehose firehose = connect(null)) {
            List<RawEvent> first = firehose.poll(Duration.ZERO);
            List<RawEvent> second = firehose.poll(Duration.ZERO);
            List<RawEvent> third = firehose.poll(Duration.ZERO);
            assertThat(first).hasSize(LocalFirehose.BATCH);
            assertThat(second).hasSize(LocalFirehose.BATCH);
            assertThat(third).hasSize(500);
            assertThat(second.get(0).partition()).isEqualTo("a.json");
            assertThat(second.get(0).offset()).isEqualTo(1000);
            assertThat(second.get(500).partition()).isEqualTo("b.json");
            assertThat(second.get(500).offset()).isZero();
            assertThat(firehose.poll(Duration.ZERO)).isEmpty();
        }
    }

    @Test
    void shouldReadFilesThatAppearAndLinesAppendedWhileRunning() throws Exception {
        write("a.json", "1\n");
        try (Firehose firehose = connect("*.json")) {
            assertThat(read(firehose)).containsExactly("a.json:0:1");
            write("a.json", "2\n");
            write("0.json", "zero\n");
            assertThat(read(firehose)).containsExactly("0.json:0:zero", "a.json:1:2");
        }
    }

    @Test
    void shouldReturnBadLinesAsEventsForTheParserToJudge() throws Exception {
        write("a.json", "this is not json\n{\"ts\": \n[1, 2, 3]\nnull\n");
        try (Firehose firehose = connect(null)) {
            assertThat(read(firehose)).containsExactly(
                    "a.json:0:this is not json", "a.json:1:{\"ts\": ", "a.json:2:[1, 2, 3]", "a.json:3:null");
        }
    }

    @Test
    void shouldStartAfterTheCommittedPositionsWhenConnectedAgain() throws Exception {
        write("a.json", lines(0, 5));
        write("b.json", lines(5, 7));
        try (Firehose firehose = connect(null)) {
            assertThat(read(firehose)).hasSize(7);
            firehose.makeCommitter(Map.of("a.json", 3L)).run();
            firehose.makeCommitter(Map.of("b.json", 1L)).run(); // a.json keeps 3
        }
        try (Firehose firehose = connect(null)) {
            assertThat(read(firehose)).containsExactly("a.json:3:{\"n\": 3}", "a.json:4:{\"n\": 4}", "b.json:1:{\"n\": 6}");
        }
        JsonNode positions = MAPPER.readTree(new LocalFirehoseFactory(dir.toString(), null).positionsFile().toFile());
        assertThat(positions.get("positions").get("a.json").asLong()).isEqualTo(3);
        assertThat(positions.get("positions").get("b.json").asLong()).isEqualTo(1);
        assertThat(positions.get("commits")).hasSize(2);
    }

    @Test
    void shouldNotShareThePositionsOfASpecWithAnotherFilter() throws Exception {
        write("a.json", lines(0, 2));
        try (Firehose firehose = connect("*.json")) {
            read(firehose);
            firehose.makeCommitter(Map.of("a.json", 2L)).run();
        }
        try (Firehose firehose = connect("a.*")) {
            assertThat(read(firehose)).hasSize(2);
        }
    }

    @Test
    void shouldConfirmOnlyCommitsThatRan() throws Exception {
        write("a.json", lines(0, 10));
        Map<String, Object> ran;
        Map<String, Object> notRun;
        try (Firehose firehose = connect(null)) {
            read(firehose);
            Committer first = firehose.makeCommitter(Map.of("a.json", 4L));
            assertThat(firehose.confirms(first.metadata())).isFalse();
            first.run();
            assertThat(firehose.confirms(first.metadata())).isTrue();
            Committer second = firehose.makeCommitter(Map.of("a.json", 9L));
            assertThat(firehose.confirms(second.metadata())).isFalse();
            ran = roundTrip(first.metadata());
            notRun = roundTrip(second.metadata());
        }
        try (Firehose restarted = connect(null)) {
            assertThat(restarted.confirms(ran)).isTrue();
            assertThat(restarted.confirms(notRun)).isFalse();
            assertThat(restarted.confirms(Map.of())).isFalse();
        }
    }

    @Test
    void shouldKeepTheLastHundredCommitIdsAndStillConfirmOlderCommitsByPosition() throws Exception {
        write("a.json", lines(0, 200));
        try (Firehose firehose = connect(null)) {
            read(firehose);
            Committer oldest = firehose.makeCommitter(Map.of("a.json", 1L));
            oldest.run();
            for (long line = 2; line <= 101; line++) {
                firehose.makeCommitter(Map.of("a.json", line)).run();
            }
            JsonNode positions = MAPPER.readTree(new LocalFirehoseFactory(dir.toString(), null).positionsFile().toFile());
            assertThat(positions.get("commits")).hasSize(PositionsFile.KEPT_COMMITS);
            assertThat(positions.get("commits").toString()).doesNotContain((String) oldest.metadata().get("commitId"));
            assertThat(firehose.confirms(roundTrip(oldest.metadata()))).isTrue();
        }
    }

    @Test
    void shouldReadTheLinesAfterTheLastCommitAgainOnRewind() throws Exception {
        write("a.json", lines(0, 4));
        write("b.json", lines(4, 6));
        try (Firehose firehose = connect(null)) {
            assertThat(read(firehose)).hasSize(6);
            firehose.makeCommitter(Map.of("a.json", 2L)).run();
            firehose.makeCommitter(Map.of("b.json", 2L)); // made, never run
            firehose.rewind();
            assertThat(read(firehose)).containsExactly(
                    "a.json:2:{\"n\": 2}", "a.json:3:{\"n\": 3}", "b.json:0:{\"n\": 4}", "b.json:1:{\"n\": 5}");
        }
    }

    @Test
    void shouldCommitFromAnotherThreadWhileTheIngestionThreadReads() throws Exception {
        write("a.json", lines(0, 3000));
        try (Firehose firehose = connect(null)) {
            List<Committer> committers = new ArrayList<>();
            long next = 0;
            for (List<RawEvent> batch = firehose.poll(Duration.ZERO); !batch.isEmpty(); batch = firehose.poll(Duration.ZERO)) {
                next = batch.get(batch.size() - 1).offset() + 1;
                committers.add(firehose.makeCommitter(Map.of("a.json", next)));
            }
            Thread persist = new Thread(() -> committers.forEach(Committer::run));
            persist.start();
            persist.join(Duration.ofSeconds(30).toMillis());
            assertThat(persist.isAlive()).isFalse();
            assertThat(next).isEqualTo(3000);
        }
        try (Firehose firehose = connect(null)) {
            assertThat(read(firehose)).isEmpty();
        }
    }

    @Test
    void shouldNeverReadThroughALinkLeadingOutsideTheDirectory(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("secret.json"), "secret\n");
        Files.createSymbolicLink(dir.resolve("escape.json"), outside.resolve("secret.json"));
        Files.createDirectory(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("up.json"), dir.resolve(".."));
        write("a.json", "1\n");
        try (Firehose firehose = connect(null)) {
            read(firehose);
            firehose.makeCommitter(Map.of("a.json", 1L)).run();
            write("a.json", "2\n");
            assertThat(read(firehose)).as("no link, directory or positions file is read").containsExactly("a.json:1:2");
        }
    }

    @Test
    void shouldReadALocalFirehoseFromASpec() {
        IngestionSpec spec = SpecReader.read(spec("{\"type\": \"local\", \"baseDir\": \"%s\", \"filter\": \"*.json\"}".formatted(dir)));
        assertThat(spec.ioConfig().firehose()).isEqualTo(new LocalFirehoseFactory(dir.toString(), "*.json"));
        IngestionSpec defaulted = SpecReader.read(spec("{\"type\": \"local\", \"baseDir\": \"%s\"}".formatted(dir)));
        assertThat(((LocalFirehoseFactory) defaulted.ioConfig().firehose()).filter()).isEqualTo("*");
    }

    @Test
    void shouldRefuseASpecWithoutAnExistingBaseDir() {
        assertThatThrownBy(() -> SpecReader.read(spec("{\"type\": \"local\", \"filter\": \"*.json\"}")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("ioConfig.firehose.baseDir");
        assertThatThrownBy(() -> SpecReader.read(spec("{\"type\": \"local\", \"baseDir\": \"%s\"}".formatted(dir.resolve("nope")))))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("ioConfig.firehose.baseDir")
                .hasMessageContaining("not an existing directory");
        assertThatThrownBy(() -> SpecReader.read(spec("{\"type\": \"local\", \"baseDir\": \"%s\", \"filter\": \"[\"}".formatted(dir))))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("ioConfig.firehose.filter");
    }

    private static String spec(String firehose) {
        return """
                {"dataSchema": {"dataSource": "edits", "timestampSpec": {"column": "ts", "format": "iso"},
                   "dimensionsSpec": {"dimensions": ["channel"]}, "metricsSpec": [{"type": "count", "name": "count"}],
                   "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "minute"}},
                 "ioConfig": {"type": "realtime", "firehose": %s}}
                """.formatted(firehose);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> roundTrip(Map<String, Object> metadata) throws IOException {
        return MAPPER.readValue(MAPPER.writeValueAsBytes(metadata), Map.class);
    }
}
