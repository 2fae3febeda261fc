package dev.tributary.worker.http;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.tributary.core.query.Query;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The meters of {@code POST /druid/v2}: a timer of every request by query type, outcome ({@code ok},
 * {@code 4xx}, {@code 5xx}) and whether another node's router sent it as its part of a query, plus
 * counts of cancelled and timed-out queries. Only bounded values become tags: a query that cannot be
 * read has the type {@code invalid}, and the dataSource (any text a client sends) is not a tag.
 * Thread-safe.
 */
final class QueryMetrics {
    static final String INVALID = "invalid";
    private static final Map<Class<?>, String> TYPE_NAMES = typeNames();

    private final MeterRegistry registry;
    private final Counter cancelled;
    private final Counter timedOut;

    QueryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.cancelled = Counter.builder("tributary.query.cancelled").description("Queries that ended cancelled")
                .register(registry);
        this.timedOut = Counter.builder("tributary.query.timeouts").description("Queries that ran past their timeout")
                .register(registry);
    }

    /** The query's {@code queryType} as the request named it. */
    static String typeOf(Query query) {
        return TYPE_NAMES.getOrDefault(query.getClass(), INVALID);
    }

    /**
     * One finished request.
     *
     * @param status   the HTTP status it answered with
     * @param subquery whether another node's router sent it
     */
    void record(String queryType, int status, boolean subquery, long nanos) {
        Timer.builder("tributary.query")
                .description("Druid native queries answered on POST /druid/v2, and the time they took")
                .tags("queryType", queryType, "outcome", status < 400 ? "ok" : status < 500 ? "4xx" : "5xx",
                        "subquery", Boolean.toString(subquery))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void cancelled() {
        cancelled.increment();
    }

    void timedOut() {
        timedOut.increment();
    }

    private static Map<Class<?>, String> typeNames() {
        Map<Class<?>, String> names = new HashMap<>();
        for (JsonSubTypes.Type type : Query.class.getAnnotation(JsonSubTypes.class).value()) {
            names.put(type.value(), type.name());
        }
        return Map.copyOf(names);
    }
}
