package dev.tributary.core.query.metadata;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.query.Queries;
import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryIntervals;
import dev.tributary.core.query.TableDataSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Druid's {@code segmentMetadata} query: per piece (or {@code merge}d into one), its rows, interval
 * and columns, with the column properties {@code analysisTypes} asks for (cardinality, interval and
 * minmax by default) for the columns {@code toInclude} names.
 */
public record SegmentMetadataQuery(
        @JsonProperty("dataSource") TableDataSource dataSource,
        @JsonProperty("intervals") QueryIntervals intervals,
        @JsonProperty("toInclude") ToInclude toInclude,
        @JsonProperty("merge") Boolean merge,
        @JsonProperty("analysisTypes") List<String> analysisTypes,
        @JsonProperty("lenientAggregatorMerge") Boolean lenientAggregatorMerge,
        @JsonProperty("context") Map<String, Object> context) implements Query {

    /** What a segmentMetadata query can compute, by Druid's names. */
    public enum Analysis {
        CARDINALITY, SIZE, INTERVAL, AGGREGATORS, MINMAX, TIMESTAMPSPEC, QUERYGRANULARITY, ROLLUP
    }

    public SegmentMetadataQuery {
        require(dataSource != null, "dataSource", "is required");
        intervals = intervals == null ? QueryIntervals.ETERNITY : intervals;
        toInclude = toInclude == null ? new ToInclude("all", null) : toInclude;
        merge = Boolean.TRUE.equals(merge);
        analysisTypes = analysisTypes == null ? List.of("cardinality", "interval", "minmax") : List.copyOf(analysisTypes);
        for (int i = 0; i < analysisTypes.size(); i++) {
            String type = analysisTypes.get(i);
            require(type != null && parse(type) != null, "analysisTypes[" + i + "]",
                    "'" + type + "' is not one of cardinality, size, interval, aggregators, minmax, timestampSpec, queryGranularity, rollup");
        }
        lenientAggregatorMerge = Boolean.TRUE.equals(lenientAggregatorMerge);
        context = Queries.context(context);
    }

    private static Analysis parse(String type) {
        try {
            return Analysis.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The analyses asked for. */
    public Set<Analysis> analyses() {
        List<Analysis> parsed = new ArrayList<>();
        analysisTypes.forEach(type -> parsed.add(parse(type)));
        return parsed.isEmpty() ? EnumSet.noneOf(Analysis.class) : EnumSet.copyOf(parsed);
    }

    /**
     * Which columns are analyzed: {@code {"type": "all"}}, {@code {"type": "none"}} or
     * {@code {"type": "list", "columns": [...]}}.
     */
    public record ToInclude(@JsonProperty("type") String type, @JsonProperty("columns") List<String> columns) {
        public ToInclude {
            require(type != null && List.of("all", "none", "list").contains(type), "type",
                    "'" + type + "' is not one of all, none, list");
            require(!"list".equals(type) || columns != null, "columns", "a list toInclude needs columns");
            columns = columns == null ? List.of() : List.copyOf(columns);
        }

        public boolean includes(String column) {
            return "all".equals(type) || ("list".equals(type) && columns.contains(column));
        }
    }
}
