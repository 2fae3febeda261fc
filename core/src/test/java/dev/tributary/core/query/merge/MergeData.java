package dev.tributary.core.query.merge;

import static dev.tributary.core.testing.TestData.dataSchema;
import static dev.tributary.core.testing.TestData.index;

import dev.tributary.core.Json;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.spec.DataSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Events and pieces for the split-merge tests, and the aggregations that read them: one of every
 * aggregator type, and post-aggregations over them.
 *
 * <p>Numbers are chosen so that every answer is exact however pieces are grouped: deltas are eighths,
 * so sums of doubles and floats do not round; there are fewer users and pages than
 * {@code minTopNThreshold}, so a topN is exact across servers.
 */
final class MergeData {
    /** 2000-01-01T00:00Z. */
    static final long START = 946_684_800_000L;

    static final DataSchema SCHEMA = dataSchema("""
            {"dataSource": "wiki", "timestampSpec": {"column": "ts", "format": "millis"},
             "dimensionsSpec": {"dimensions": ["page", "tags", "user", {"type": "long", "name": "size"},
                                               {"type": "float", "name": "ratio"}, {"type": "double", "name": "score"}]},
             "metricsSpec": [{"type": "count", "name": "count"},
                             {"type": "longSum", "name": "added", "fieldName": "added"},
                             {"type": "doubleSum", "name": "delta", "fieldName": "delta"},
                             {"type": "floatMin", "name": "low", "fieldName": "delta"},
                             {"type": "hyperUnique", "name": "users", "fieldName": "user"},
                             {"type": "HLLSketchBuild", "name": "hll", "fieldName": "user"},
                             {"type": "thetaSketch", "name": "theta", "fieldName": "user"},
                             {"type": "quantilesDoublesSketch", "name": "q", "fieldName": "delta"},
                             {"type": "longFirst", "name": "firstAdded", "fieldName": "added"},
                             {"type": "stringLast", "name": "lastUser", "fieldName": "user"}],
             "granularitySpec": {"queryGranularity": "minute", "rollup": true}}""");

    /** One aggregation of every type, over raw columns and over rolled-up metrics. */
    static final String AGGREGATIONS = """
            [{"type": "count", "name": "rows"},
             {"type": "longSum", "name": "events", "fieldName": "count"},
             {"type": "longSum", "name": "added", "fieldName": "added"},
             {"type": "doubleSum", "name": "delta", "fieldName": "delta"},
             {"type": "floatSum", "name": "fdelta", "fieldName": "delta"},
             {"type": "longMin", "name": "minAdded", "fieldName": "added"},
             {"type": "longMax", "name": "maxAdded", "fieldName": "added"},
             {"type": "doubleMin", "name": "minDelta", "fieldName": "delta"},
             {"type": "doubleMax", "name": "maxDelta", "fieldName": "delta"},
             {"type": "floatMin", "name": "low", "fieldName": "low"},
             {"type": "floatMax", "name": "maxRatio", "fieldName": "ratio"},
             {"type": "longFirst", "name": "firstAdded", "fieldName": "firstAdded"},
             {"type": "longLast", "name": "lastAdded", "fieldName": "added"},
             {"type": "doubleFirst", "name": "firstDelta", "fieldName": "delta"},
             {"type": "doubleLast", "name": "lastScore", "fieldName": "score"},
             {"type": "floatFirst", "name": "firstRatio", "fieldName": "ratio"},
             {"type": "floatLast", "name": "lastRatio", "fieldName": "ratio"},
             {"type": "stringFirst", "name": "firstPage", "fieldName": "page"},
             {"type": "stringLast", "name": "lastUser", "fieldName": "lastUser"},
             {"type": "hyperUnique", "name": "users", "fieldName": "users"},
             {"type": "cardinality", "name": "pagesAndUsers", "fields": ["page", "user"]},
             {"type": "cardinality", "name": "pageUserPairs", "fields": ["page", "user"], "byRow": true, "round": true},
             {"type": "filtered", "filter": {"type": "selector", "dimension": "page", "value": "p1"},
              "aggregator": {"type": "longSum", "name": "p1Added", "fieldName": "added"}},
             {"type": "filtered", "filter": {"type": "selector", "dimension": "tags", "value": "a"},
              "aggregator": {"type": "HLLSketchBuild", "name": "aUsers", "fieldName": "user"}},
             {"type": "HLLSketchBuild", "name": "hllUsers", "fieldName": "user"},
             {"type": "HLLSketchMerge", "name": "hll", "fieldName": "hll", "round": true},
             {"type": "thetaSketch", "name": "theta", "fieldName": "theta"},
             {"type": "thetaSketch", "name": "thetaUsers", "fieldName": "user"},
             {"type": "quantilesDoublesSketch", "name": "q", "fieldName": "q"}]""";

    /** Post-aggregations over {@link #AGGREGATIONS}: arithmetic, finalizing, sketch estimates, set operations. */
    static final String POST_AGGREGATIONS = """
            [{"type": "arithmetic", "name": "perRow", "fn": "/",
              "fields": [{"type": "fieldAccess", "fieldName": "added"}, {"type": "fieldAccess", "fieldName": "rows"}]},
             {"type": "arithmetic", "name": "shifted", "fn": "+",
              "fields": [{"type": "fieldAccess", "fieldName": "delta"}, {"type": "constant", "value": 1.5}]},
             {"type": "hyperUniqueCardinality", "name": "userCount", "fieldName": "users"},
             {"type": "finalizingFieldAccess", "name": "finalUsers", "fieldName": "users"},
             {"type": "HLLSketchEstimate", "name": "hllEstimate", "field": {"type": "fieldAccess", "fieldName": "hllUsers"}},
             {"type": "HLLSketchEstimateWithBounds", "name": "hllBounds", "field": {"type": "fieldAccess", "fieldName": "hll"}},
             {"type": "thetaSketchEstimate", "name": "both",
              "field": {"type": "thetaSketchSetOp", "name": "both", "func": "INTERSECT",
                        "fields": [{"type": "fieldAccess", "fieldName": "theta"}, {"type": "fieldAccess", "fieldName": "thetaUsers"}]}},
             {"type": "doubleGreatest", "name": "greatest",
              "fields": [{"type": "fieldAccess", "fieldName": "maxDelta"}, {"type": "fieldAccess", "fieldName": "fdelta"}]},
             {"type": "longLeast", "name": "least",
              "fields": [{"type": "fieldAccess", "fieldName": "events"}, {"type": "fieldAccess", "fieldName": "maxAdded"}]},
             {"type": "longGreatest", "name": "greatestAdded",
              "fields": [{"type": "fieldAccess", "fieldName": "minAdded"}, {"type": "constant", "value": 0}]},
             {"type": "doubleLeast", "name": "lowest",
              "fields": [{"type": "fieldAccess", "fieldName": "low"}, {"type": "fieldAccess", "fieldName": "minDelta"}]},
             {"type": "HLLSketchEstimate", "name": "unionEstimate", "round": true,
              "field": {"type": "HLLSketchUnion", "name": "union",
                        "fields": [{"type": "fieldAccess", "fieldName": "hll"}, {"type": "fieldAccess", "fieldName": "aUsers"}]}}]""";

    /** Post-aggregations reading the quantiles sketch: exact only while no sketch holds more than 255 values. */
    static final String QUANTILE_POST_AGGREGATIONS = """
            [{"type": "quantilesDoublesSketchToQuantile", "name": "median", "fraction": 0.5,
              "field": {"type": "fieldAccess", "fieldName": "q"}},
             {"type": "quantilesDoublesSketchToHistogram", "name": "histogram", "splitPoints": [0, 20],
              "field": {"type": "fieldAccess", "fieldName": "q"}},
             {"type": "quantilesDoublesSketchToQuantiles", "name": "quartiles", "fractions": [0.25, 0.5, 0.75],
              "field": {"type": "fieldAccess", "fieldName": "q"}},
             {"type": "quantilesDoublesSketchToRank", "name": "rankOfTen", "value": 10,
              "field": {"type": "fieldAccess", "fieldName": "q"}},
             {"type": "quantilesDoublesSketchToCDF", "name": "cdf", "splitPoints": [0, 50],
              "field": {"type": "fieldAccess", "fieldName": "q"}}]""";

    private MergeData() {
    }

    /** {@code count} random events over {@code minutes} minutes from {@link #START}, not in time order. */
    static String[] events(SplittableRandom random, int count, int minutes) {
        String[] events = new String[count];
        for (int i = 0; i < count; i++) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("ts", START + random.nextInt(minutes) * 60_000L + random.nextInt(4) * 15_000L);
            event.put("page", random.nextInt(20) == 0 ? null : "p" + random.nextInt(8));
            event.put("tags", tags(random));
            event.put("user", "u" + random.nextInt(150));
            event.put("size", random.nextInt(5) == 0 ? null : (long) random.nextInt(4));
            event.put("ratio", random.nextInt(5) == 0 ? null : random.nextInt(3) / 2.0);
            event.put("score", random.nextInt(5) == 0 ? null : random.nextInt(3) * 1.25);
            event.put("added", (long) random.nextInt(1000) - 100);
            event.put("delta", random.nextInt(1000) / 8.0 - 10);
            try {
                events[i] = Json.mapper().writeValueAsString(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return events;
    }

    private static Object tags(SplittableRandom random) {
        String[] values = {"a", "b", "c", "é", ""};
        int n = random.nextInt(4);
        if (n == 0) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tags.add(values[random.nextInt(values.length)]);
        }
        return n == 1 ? tags.get(0) : tags;
    }

    /** The events cut into {@code count} live pieces at random points. */
    static List<IncrementalIndex> pieces(SplittableRandom random, String[] events, int count) {
        int[] cuts = new int[count + 1];
        cuts[count] = events.length;
        for (int c = 1; c < count; c++) {
            cuts[c] = random.nextInt(events.length + 1);
        }
        Arrays.sort(cuts);
        List<IncrementalIndex> pieces = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            pieces.add(index(SCHEMA, Arrays.copyOfRange(events, cuts[c], cuts[c + 1])));
        }
        return pieces;
    }
}
