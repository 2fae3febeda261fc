package dev.tributary.core.testing;

import static dev.tributary.core.testing.TestData.dataSchema;
import static dev.tributary.core.testing.TestData.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tributary.core.Json;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryExecutor;
import dev.tributary.core.query.QueryReader;
import dev.tributary.core.spec.DataSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A small wiki-like dataSource in two live pieces, for query tests, and a way to run a query's JSON
 * text over pieces and get the answer's JSON text, as a client would.
 *
 * <p>Dimensions: {@code page}, {@code language}, {@code tags} (multi-value), {@code year} (a long);
 * metrics: {@code count}, {@code added} (longSum), {@code delta} (doubleSum). Rollup with no query
 * granularity: events with equal time and dimensions make one row.
 */
public final class WikiData {
    public static final DataSchema SCHEMA = dataSchema("""
            {
              "dataSource": "wiki",
              "timestampSpec": {"column": "ts"},
              "dimensionsSpec": {"dimensions": ["page", "language", "tags", {"type": "long", "name": "year"}]},
              "metricsSpec": [{"type": "count", "name": "count"},
                              {"type": "longSum", "name": "added", "fieldName": "added"},
                              {"type": "doubleSum", "name": "delta", "fieldName": "delta"}]
            }""");

    /**
     * Five events, four rows, all on 2013-08-31:
     * <pre>
     * 01:10 a  en [t1,t2] 2013 added 10 delta 0.5  } one row: added 15, delta 0.75, count 2
     * 01:10 a  en [t1,t2] 2013 added 5  delta 0.25 }
     * 01:40 b  fr t1      2012 added 1  delta -1.0
     * 04:20 c  en -       -    added 100 delta 2.5
     * 04:30 -  de t2      2013 added 3  delta 1.5
     * </pre>
     */
    public static final IncrementalIndex PIECE_1 = index(SCHEMA,
            "{\"ts\": \"2013-08-31T01:10:00Z\", \"page\": \"a\", \"language\": \"en\", \"tags\": [\"t1\", \"t2\"], \"year\": 2013, \"added\": 10, \"delta\": 0.5}",
            "{\"ts\": \"2013-08-31T01:10:00Z\", \"page\": \"a\", \"language\": \"en\", \"tags\": [\"t2\", \"t1\"], \"year\": 2013, \"added\": 5, \"delta\": 0.25}",
            "{\"ts\": \"2013-08-31T01:40:00Z\", \"page\": \"b\", \"language\": \"fr\", \"tags\": \"t1\", \"year\": 2012, \"added\": 1, \"delta\": -1.0}",
            "{\"ts\": \"2013-08-31T04:20:00Z\", \"page\": \"c\", \"language\": \"en\", \"added\": 100, \"delta\": 2.5}",
            "{\"ts\": \"2013-08-31T04:30:00Z\", \"language\": \"de\", \"tags\": [\"t2\"], \"year\": 2013, \"added\": 3, \"delta\": 1.5}");

    /**
     * Three events, three rows:
     * <pre>
     * 01:15 b  en t3      2012 added 20 delta 0.125
     * 02:30 a  fr t1      2013 added 7  delta 0.5
     * 2013-09-01T00:05 d en -   2013 added 40 delta 4.0
     * </pre>
     */
    public static final IncrementalIndex PIECE_2 = index(SCHEMA,
            "{\"ts\": \"2013-08-31T01:15:00Z\", \"page\": \"b\", \"language\": \"en\", \"tags\": \"t3\", \"year\": 2012, \"added\": 20, \"delta\": 0.125}",
            "{\"ts\": \"2013-08-31T02:30:00Z\", \"page\": \"a\", \"language\": \"fr\", \"tags\": \"t1\", \"year\": 2013, \"added\": 7, \"delta\": 0.5}",
            "{\"ts\": \"2013-09-01T00:05:00Z\", \"page\": \"d\", \"language\": \"en\", \"year\": 2013, \"added\": 40, \"delta\": 4.0}");

    private WikiData() {
    }

    /** Runs a query (JSON text, dataSource {@code wiki}) over {@code pieces}; the answer as JSON text. */
    public static String run(List<? extends QueryableIndex> pieces, String queryJson) {
        Query query = QueryReader.read(queryJson.getBytes(StandardCharsets.UTF_8));
        QueryExecutor executor = new QueryExecutor(dataSource -> "wiki".equals(dataSource) ? pieces : List.of());
        try {
            return Json.mapper().writeValueAsString(executor.run(query));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** The piece list {@code PIECE_1}, then {@code PIECE_2}. */
    public static List<IncrementalIndex> bothPieces() {
        return List.of(PIECE_1, PIECE_2);
    }
}
