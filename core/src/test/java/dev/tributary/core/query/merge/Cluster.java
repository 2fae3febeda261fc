package dev.tributary.core.query.merge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.core.Json;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryExecutor;
import dev.tributary.core.query.QueryReader;
import dev.tributary.core.query.ResultForm;
import dev.tributary.core.query.TimeseriesQuery;
import dev.tributary.core.query.groupby.GroupByQuery;
import dev.tributary.core.query.metadata.SegmentMetadataQuery;
import dev.tributary.core.query.scan.ScanQuery;
import dev.tributary.core.query.topn.TopNQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A cluster in a test: pieces spread over data servers, each answering
 * {@link PartialResults#forDataServers} over its own pieces; the answers travel as JSON bytes and are
 * {@link PartialResults#merge}d. The reference is one server holding every piece, listed one server
 * after another.
 */
final class Cluster {
    private Cluster() {
    }

    /** Deals the pieces out to {@code servers} servers at random; some may get none. */
    static List<List<QueryableIndex>> split(List<? extends QueryableIndex> pieces, int servers, SplittableRandom random) {
        List<List<QueryableIndex>> split = new ArrayList<>();
        for (int s = 0; s < servers; s++) {
            split.add(new ArrayList<>());
        }
        for (QueryableIndex piece : pieces) {
            split.get(random.nextInt(servers)).add(piece);
        }
        return split;
    }

    /** Every server's pieces, one server after another. */
    static List<QueryableIndex> all(List<List<QueryableIndex>> servers) {
        return servers.stream().flatMap(List::stream).toList();
    }

    static Query query(String json) {
        return QueryReader.read(json.getBytes(UTF_8));
    }

    /** The answer of one server holding every piece, as Java objects. */
    static List<?> whole(Query query, List<QueryableIndex> pieces) {
        return new QueryExecutor(ds -> pieces).run(query);
    }

    /** The answer of the cluster: each server's partial answer through JSON bytes, merged. */
    static List<?> merged(Query query, List<List<QueryableIndex>> servers) {
        Query forServers = PartialResults.forDataServers(query);
        List<List<?>> partials = new ArrayList<>();
        for (List<QueryableIndex> pieces : servers) {
            List<?> partial = new QueryExecutor(ds -> pieces).run(forServers);
            partials.add(fromJson(toJson(partial)));
        }
        return PartialResults.merge(query, partials);
    }

    /**
     * Asserts that the cluster answers {@code json} as one server holding every piece does: the same
     * JSON text, and at every place both hold a number, the same Java number type.
     */
    static void assertSameAnswer(String json, List<List<QueryableIndex>> servers) {
        Query query = query(json);
        List<?> expected = whole(query, all(servers));
        List<?> actual = merged(query, servers);
        String description = json + " over " + servers.stream().map(List::size).toList() + " pieces per server";
        List<String> expectedRows = comparable(query, toJson(expected));
        List<String> actualRows = comparable(query, toJson(actual));
        for (int i = 0; i < Math.min(expectedRows.size(), actualRows.size()); i++) {
            assertThat(actualRows.get(i)).as("row %d of %s", i, description).isEqualTo(expectedRows.get(i));
        }
        assertThat(actualRows).as(description).hasSameSizeAs(expectedRows);
        if (!(query instanceof ScanQuery)) {
            assertSameNumberTypes(expected, actual, "$", description);
        }
    }

    /**
     * The answer's rows as JSON text; for the answers that name live pieces (unordered scan batches, unmerged
     * segmentMetadata), with those ids blanked: a live piece's id is its position on its server.
     */
    private static List<String> comparable(Query query, byte[] answer) {
        try {
            JsonNode tree = Json.mapper().readTree(answer);
            boolean unorderedScan = query instanceof ScanQuery scan && !scan.timeOrdered();
            boolean metadata = query instanceof SegmentMetadataQuery;
            List<AggregatorFactory> sketches = ResultForm.of(query) == ResultForm.INTERMEDIATE ? complexAggregators(query) : List.of();
            for (JsonNode row : tree) {
                for (String holder : List.of("result", "event")) {
                    if (row.get(holder) instanceof ObjectNode values) {
                        for (AggregatorFactory sketch : sketches) {
                            values.put(sketch.name(), String.valueOf(sketch.finalizeValue(sketch.deserialize(values.get(sketch.name()).asText()))));
                        }
                    }
                }
                if (unorderedScan) {
                    ((ObjectNode) row).put("segmentId", "<piece>");
                } else if (metadata && !"merged".equals(row.path("id").asText())) {
                    ((ObjectNode) row).put("id", "<piece>");
                }
            }
            List<String> rows = new ArrayList<>();
            for (JsonNode row : tree) {
                rows.add(Json.mapper().writeValueAsString(row));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A query's aggregators whose intermediates are sketches. A sketch's bytes depend on the order values
     * reached it, so intermediate answers compare sketches by their estimates.
     */
    private static List<AggregatorFactory> complexAggregators(Query query) {
        List<AggregatorFactory> aggregators = query instanceof TimeseriesQuery q ? q.aggregations()
                : query instanceof GroupByQuery q ? q.aggregations() : ((TopNQuery) query).aggregations();
        return aggregators.stream().filter(a -> a.intermediateType() == ColumnType.COMPLEX
                && !String.valueOf(a.complexTypeName()).startsWith("serializablePair")).toList();
    }

    private static void assertSameNumberTypes(Object expected, Object actual, String path, String description) {
        if (expected instanceof Number && actual instanceof Number) {
            assertThat(actual.getClass()).as("number type at %s of %s", path, description).isEqualTo(expected.getClass());
        } else if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            e.forEach((key, value) -> assertSameNumberTypes(value, a.get(key), path + "." + key, description));
        } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                assertSameNumberTypes(e.get(i), a.get(i), path + "[" + i + "]", description);
            }
        }
    }

    static byte[] toJson(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<?> fromJson(byte[] json) {
        try {
            return Json.mapper().readValue(json, List.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
