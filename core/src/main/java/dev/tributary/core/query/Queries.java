package dev.tributary.core.query;

import static dev.tributary.core.spec.SpecFieldException.require;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.postagg.PostAggregator;
import dev.tributary.core.time.DateTimes;
import dev.tributary.core.time.Granularity;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validation shared by the query records. */
public final class Queries {
    private Queries() {
    }

    /** An unmodifiable copy of a query's context (nulls allowed, as JSON allows them), never null. */
    public static Map<String, Object> context(Map<String, Object> context) {
        return context == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /**
     * A result timestamp as Druid prints it for a bucket of {@code granularity}: in the granularity's
     * time zone (UTC but for zoned period granularities).
     */
    public static String timestamp(long millis, Granularity granularity) {
        ZoneId zone = granularity.timeZone();
        return zone.equals(ZoneOffset.UTC) ? DateTimes.print(millis) : DateTimes.print(millis, zone);
    }

    /** Refuses virtual columns, which no engine evaluates yet. */
    public static void requireNoVirtualColumns(List<Object> virtualColumns) {
        require(virtualColumns.isEmpty(), "virtualColumns", "virtual columns are not supported yet");
    }

    /** Whether {@code name} is the output of one of the aggregations or post-aggregations. */
    public static boolean isMetric(String name, List<AggregatorFactory> aggregations, List<PostAggregator> postAggregations) {
        return aggregations.stream().anyMatch(a -> a.name().equals(name))
                || postAggregations.stream().anyMatch(p -> p.name().equals(name));
    }

    /** Refuses two outputs with one name. */
    public static void requireUniqueNames(List<AggregatorFactory> aggregations, List<PostAggregator> postAggregations) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < aggregations.size(); i++) {
            require(names.add(aggregations.get(i).name()), "aggregations[" + i + "].name",
                    "'" + aggregations.get(i).name() + "' is defined twice");
        }
        for (int i = 0; i < postAggregations.size(); i++) {
            require(names.add(postAggregations.get(i).name()), "postAggregations[" + i + "].name",
                    "'" + postAggregations.get(i).name() + "' is already an output name");
        }
    }
}
