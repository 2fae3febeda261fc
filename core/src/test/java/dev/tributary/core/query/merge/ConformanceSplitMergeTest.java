package dev.tributary.core.query.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.core.Json;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.query.Query;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.time.DateTimes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Druid's own integration-test queries (../shared/conformance/tiny-wiki), with their events cut into
 * pieces and the pieces dealt to data servers: the merged answer matches Druid's expected results
 * (compared as Druid's harness compares them: parsed JSON, number types included, only
 * {@code fieldsToTest} when given) and one server's answer over every piece.
 */
class ConformanceSplitMergeTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("%%([A-Z_]+)%%");

    private static Path tinyWiki() {
        String configured = System.getProperty("tributary.conformance.dir");
        return (configured == null ? Path.of("../../shared/conformance") : Path.of(configured)).resolve("tiny-wiki");
    }

    private static String read(String file) throws Exception {
        Path path = tinyWiki().resolve(file);
        assumeTrue(Files.exists(path), "conformance vectors not found at " + path.toAbsolutePath());
        return PLACEHOLDER.matcher(Files.readString(path).replace("%%DATASOURCE%%", "wiki")).replaceAll("0");
    }

    /** The three data files' events, each as JSON text (some files hold two objects on a line). */
    private static List<String> events() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            try (MappingIterator<JsonNode> read = Json.mapper().readerFor(JsonNode.class).readValues(read("wikipedia_index_data" + i + ".json"))) {
                while (read.hasNext()) {
                    events.add(read.next().toString());
                }
            }
        }
        return events;
    }

    @Test
    void shouldAnswerDruidsWikipediaQueriesFromPiecesOnSeveralServers() throws Exception {
        checkQueries("wikipedia_index_task.json", "wikipedia_index_queries.json", false);
    }

    /**
     * This file's query asks for the {@code longFirst} of a rolled-up {@code longLast} column, which
     * depends on how a day's events were cut into pieces; Druid's answer is that of one piece per day.
     */
    @Test
    void shouldAnswerDruidsRolledUpFirstLastQueriesFromDaysOnSeveralServers() throws Exception {
        checkQueries("wikipedia_merge_index_task.json", "wikipedia_merge_index_queries.json", true);
    }

    private static void checkQueries(String taskFile, String queriesFile, boolean pieceADay) throws Exception {
        DataSchema schema = SpecReader.read(Json.mapper().readTree(read(taskFile)).path("spec").path("dataSchema").toString(),
                DataSchema.class);
        List<String> events = events();
        JsonNode cases = Json.mapper().readTree(read(queriesFile));
        int checked = 0;
        for (int trial = 0; trial < 12; trial++) {
            SplittableRandom random = new SplittableRandom(trial);
            List<IncrementalIndex> pieces = pieceADay ? days(schema, events) : pieces(schema, events, 1 + random.nextInt(6), random);
            List<List<QueryableIndex>> servers = Cluster.split(pieces, 1 + random.nextInt(4), random);
            for (JsonNode testCase : cases) {
                Query query = Cluster.query(testCase.get("query").toString());
                String description = testCase.path("description").asText() + " over " + servers.stream().map(List::size).toList();
                JsonNode merged = Json.mapper().readTree(Cluster.toJson(Cluster.merged(query, servers)));
                assertThat(only(merged, testCase)).as(description).isEqualTo(only(testCase.get("expectedResults"), testCase));
                Cluster.assertSameAnswer(testCase.get("query").toString(), servers);
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    /** The events dealt at random to {@code count} live pieces of the task's schema. */
    private static List<IncrementalIndex> pieces(DataSchema schema, List<String> events, int count, SplittableRandom random) {
        List<IncrementalIndex> pieces = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            pieces.add(new IncrementalIndex(schema));
        }
        JsonInputRowParser parser = new JsonInputRowParser(schema);
        for (String event : events) {
            pieces.get(random.nextInt(count)).add(parser.parse(event.getBytes(StandardCharsets.UTF_8)));
        }
        return pieces;
    }

    /** One live piece per day of events, as Druid's DAY segments hold them. */
    private static List<IncrementalIndex> days(DataSchema schema, List<String> events) {
        Map<String, IncrementalIndex> days = new TreeMap<>();
        JsonInputRowParser parser = new JsonInputRowParser(schema);
        for (String event : events) {
            InputRow row = parser.parse(event.getBytes(StandardCharsets.UTF_8));
            String day = DateTimes.print(row.timestamp()).substring(0, 10);
            days.computeIfAbsent(day, d -> new IncrementalIndex(schema)).add(row);
        }
        return new ArrayList<>(days.values());
    }

    /** Keeps only the case's {@code fieldsToTest} of each row's result or event, as Druid's harness does. */
    private static JsonNode only(JsonNode rows, JsonNode testCase) {
        JsonNode fields = testCase.get("fieldsToTest");
        if (fields == null || !fields.isArray()) {
            return rows;
        }
        JsonNode copy = rows.deepCopy();
        for (JsonNode row : copy) {
            for (String holder : new String[] {"result", "event"}) {
                if (row.get(holder) instanceof ObjectNode values) {
                    List<String> drop = new ArrayList<>();
                    for (Iterator<String> names = values.fieldNames(); names.hasNext();) {
                        String name = names.next();
                        boolean keep = false;
                        for (JsonNode field : fields) {
                            keep |= field.asText().equals(name);
                        }
                        if (!keep) {
                            drop.add(name);
                        }
                    }
                    values.remove(drop);
                }
            }
        }
        return copy;
    }
}
