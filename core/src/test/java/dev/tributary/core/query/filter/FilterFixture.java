package dev.tributary.core.query.filter;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tributary.core.Json;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.SpecReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small live indexes from JSON events (one row per event, in order, so row numbers are event
 * positions) and reports which rows a filter, read from JSON, matches or leaves unknown.
 */
final class FilterFixture {
    private FilterFixture() {
    }

    /**
     * An index with the given {@code dimensions} (a JSON array as in a dimensionsSpec) holding
     * {@code events}; each event's time is {@code ts} (epoch millis or ISO), 0 when absent.
     */
    static IncrementalIndex index(String dimensions, String... events) {
        DataSchema schema = SpecReader.read("""
                {"dataSource": "test", "timestampSpec": {"column": "ts"},
                 "dimensionsSpec": {"dimensions": %s},
                 "metricsSpec": [{"type": "count", "name": "count"}],
                 "granularitySpec": {"queryGranularity": "none", "rollup": false}}""".formatted(dimensions),
                DataSchema.class);
        IncrementalIndex index = new IncrementalIndex(schema);
        JsonInputRowParser parser = new JsonInputRowParser(schema);
        for (String event : events) {
            index.add(parser.parse(withTime(event).getBytes(UTF_8)));
        }
        return index;
    }

    private static String withTime(String event) {
        if (event.contains("\"ts\"")) {
            return event;
        }
        String fields = event.substring(1).strip();
        return "{\"ts\": 0" + (fields.equals("}") ? "}" : ", " + fields);
    }

    /** A filter read from JSON with the strict mapper. */
    static DimFilter filter(String json) {
        try {
            return Json.mapper().readValue(json, DimFilter.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows {@code filterJson} matches, in row order. */
    static List<Integer> matches(QueryableIndex index, String filterJson) {
        RowMatcher matcher = filter(filterJson).makeMatcher(index);
        List<Integer> rows = new ArrayList<>();
        index.scan((start, end) -> {
            for (int row = start; row < end; row++) {
                if (matcher.matches(row)) {
                    rows.add(row);
                }
            }
        });
        return rows;
    }

    /** The rows for which {@code filterJson} is unknown (neither true nor false), in row order. */
    static List<Integer> unknowns(QueryableIndex index, String filterJson) {
        RowMatcher matcher = filter(filterJson).makeMatcher(index);
        List<Integer> rows = new ArrayList<>();
        index.scan((start, end) -> {
            for (int row = start; row < end; row++) {
                if (matcher.matchesOrUnknown(row) && !matcher.matches(row)) {
                    rows.add(row);
                }
            }
        });
        return rows;
    }

    /** {@code {"type": "not", "field": <filterJson>}}. */
    static String not(String filterJson) {
        return "{\"type\": \"not\", \"field\": " + filterJson + "}";
    }
}
