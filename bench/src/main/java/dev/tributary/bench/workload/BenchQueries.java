package dev.tributary.bench.workload;

import java.util.List;

/**
 * The queries of the side-by-side, as Druid native JSON that each engine reads its own way, all over
 * the {@link KafkaLikeWorkload} dataSource.
 */
public final class BenchQueries {
    /**
     * One query.
     *
     * @param id a short key (JMH parameter values)
     * @param name what the query does, for reports
     * @param json the query as Druid native JSON
     */
    public record BenchQuery(String id, String name, String json) {
    }

    private static final String AGGREGATIONS = """
            [
              {"type": "count", "name": "rows"},
              {"type": "longSum", "name": "bytes", "fieldName": "sumBytes"},
              {"type": "longMax", "name": "maxLatencyMs", "fieldName": "maxLatencyMs"},
              {"type": "doubleSum", "name": "price", "fieldName": "sumPrice"}
            ]""";

    /**
     * Row count, event count and the sums: what both sides must agree on after ingesting the same
     * events. Only aggregators today's Tributary reads, so the check runs on both sides.
     */
    public static final BenchQuery TOTALS = timeseries("totals", "totals", "all", """
            [
              {"type": "count", "name": "rows"},
              {"type": "longSum", "name": "events", "fieldName": "count"},
              {"type": "longSum", "name": "bytes", "fieldName": "sumBytes"},
              {"type": "doubleSum", "name": "price", "fieldName": "sumPrice"}
            ]""");

    /** The query set: timeseries (all, hour), topN, groupBy. */
    public static final List<BenchQuery> ALL = List.of(
            timeseries("timeseriesAll", "timeseries all (count+longSum+longMax+doubleSum)", "all", AGGREGATIONS),
            timeseries("timeseriesHour", "timeseries hour (count+longSum+longMax+doubleSum)", "hour", AGGREGATIONS),
            // Same bucketing without longMax: today's Tributary has no longMax, so this one runs on both.
            new BenchQuery("timeseriesAllNoMax", "timeseries all (count+longSum+doubleSum)", TOTALS.json()),
            new BenchQuery("topN", "topN 10 of page (1000 values) by bytes", """
                    {"queryType": "topN", "dataSource": "events", "intervals": ["%s"], "granularity": "all",
                     "dimension": "page", "metric": "bytes", "threshold": 10,
                     "aggregations": [{"type": "count", "name": "rows"},
                                      {"type": "longSum", "name": "bytes", "fieldName": "sumBytes"}]}
                    """.formatted(KafkaLikeWorkload.INTERVAL)),
            new BenchQuery("groupBy", "groupBy country, device", """
                    {"queryType": "groupBy", "dataSource": "events", "intervals": ["%s"], "granularity": "all",
                     "dimensions": ["country", "device"],
                     "aggregations": [{"type": "count", "name": "rows"},
                                      {"type": "longSum", "name": "bytes", "fieldName": "sumBytes"}]}
                    """.formatted(KafkaLikeWorkload.INTERVAL)));

    private BenchQueries() {
    }

    /** The query with this {@link BenchQuery#id()}. */
    public static BenchQuery byId(String id) {
        return ALL.stream().filter(q -> q.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no query '" + id + "'; known: "
                        + ALL.stream().map(BenchQuery::id).toList()));
    }

    private static BenchQuery timeseries(String id, String name, String granularity, String aggregations) {
        return new BenchQuery(id, name, """
                {"queryType": "timeseries", "dataSource": "events", "intervals": ["%s"],
                 "granularity": "%s", "aggregations": %s}
                """.formatted(KafkaLikeWorkload.INTERVAL, granularity, aggregations));
    }
}
