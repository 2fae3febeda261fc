package dev.tributary.core.query.merge;

import static dev.tributary.core.query.merge.MergeData.AGGREGATIONS;
import static dev.tributary.core.query.merge.MergeData.POST_AGGREGATIONS;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random queries of every type over {@link MergeData}'s dataSource, as JSON text. */
final class RandomQueries {
    private static final String[] INTERVALS = {
        "[\"2000/2001\"]",
        "[\"2000-01-01T00:30/2000-01-01T02:10\"]",
        "[\"2000-01-01T00:10/2000-01-01T00:50\", \"2000-01-01T01:30:15/2000-01-01T02:00\"]",
        "[\"2010/2011\"]",
    };
    private static final String[] GRANULARITIES = {
        "\"all\"", "\"all\"", "\"hour\"", "\"fifteen_minute\"", "\"minute\"",
        "{\"type\": \"period\", \"period\": \"PT1H\", \"timeZone\": \"America/St_Johns\"}",
    };
    private static final String[] FILTERS = {
        null, null,
        "{\"type\": \"selector\", \"dimension\": \"page\", \"value\": \"p%d\"}",
        "{\"type\": \"in\", \"dimension\": \"tags\", \"values\": [\"a\", \"\", \"é\"]}",
        "{\"type\": \"bound\", \"dimension\": \"size\", \"lower\": \"1\", \"ordering\": \"numeric\"}",
        "{\"type\": \"not\", \"field\": {\"type\": \"null\", \"column\": \"score\"}}",
        "{\"type\": \"or\", \"fields\": [{\"type\": \"like\", \"dimension\": \"user\", \"pattern\": \"u1%%\"},"
                + " {\"type\": \"selector\", \"dimension\": \"tags\", \"value\": null}]}",
        "{\"type\": \"regex\", \"dimension\": \"user\", \"pattern\": \"^u[0-3]?%d$\"}",
    };
    private static final String[] DIMENSIONS = {
        "\"page\"", "\"tags\"", "\"user\"", "\"size\"", "\"ratio\"", "\"score\"",
        "{\"type\": \"default\", \"dimension\": \"size\", \"outputName\": \"s\", \"outputType\": \"LONG\"}",
        "{\"type\": \"default\", \"dimension\": \"ratio\", \"outputName\": \"r\", \"outputType\": \"FLOAT\"}",
        "{\"type\": \"default\", \"dimension\": \"score\", \"outputName\": \"sc\", \"outputType\": \"DOUBLE\"}",
        "{\"type\": \"default\", \"dimension\": \"page\", \"outputName\": \"p\"}",
    };
    /** Outputs to rank or order by: aggregations of several types and post-aggregations. */
    private static final String[] METRICS = {
        "rows", "added", "delta", "fdelta", "minAdded", "low", "lastAdded", "firstPage", "users", "thetaUsers",
        "pagesAndUsers", "perRow", "userCount", "both", "greatest",
    };
    private static final String[] ORDERINGS = {"lexicographic", "alphanumeric", "numeric", "strlen"};
    private static final String[] COLUMNS = {
        "__time", "page", "tags", "user", "size", "ratio", "score", "count", "added", "delta", "low", "users", "hll",
        "firstAdded", "lastUser", "missing",
    };

    private RandomQueries() {
    }

    static String next(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0, 1 -> timeseries(random);
            case 2, 3 -> topN(random);
            case 4, 5 -> groupBy(random);
            case 6, 7 -> scan(random);
            case 8 -> search(random);
            default -> metadata(random);
        };
    }

    private static String common(SplittableRandom random) {
        String filter = pick(random, FILTERS);
        return "\"dataSource\": \"wiki\", \"intervals\": " + pick(random, INTERVALS)
                + (filter == null ? "" : ", \"filter\": " + filter.formatted(random.nextInt(8), random.nextInt(8)));
    }

    private static String aggregated(SplittableRandom random) {
        return common(random) + ", \"granularity\": " + pick(random, GRANULARITIES) + ", \"aggregations\": " + AGGREGATIONS
                + ", \"postAggregations\": " + POST_AGGREGATIONS;
    }

    private static String timeseries(SplittableRandom random) {
        List<String> context = new ArrayList<>();
        if (random.nextBoolean()) {
            context.add("\"skipEmptyBuckets\": true");
        }
        if (random.nextInt(4) == 0) {
            context.add("\"grandTotal\": true");
        }
        if (random.nextInt(8) == 0) {
            context.add("\"finalize\": false");
        }
        return "{\"queryType\": \"timeseries\", " + aggregated(random) + ", \"descending\": " + random.nextBoolean()
                + (random.nextInt(3) == 0 ? ", \"limit\": " + (1 + random.nextInt(6)) : "")
                + ", \"context\": {" + String.join(", ", context) + "}}";
    }

    private static String topN(SplittableRandom random) {
        String metric = switch (random.nextInt(4)) {
            case 0 -> "{\"type\": \"dimension\", \"ordering\": \"" + pick(random, ORDERINGS) + "\""
                    + (random.nextBoolean() ? ", \"previousStop\": \"p3\"" : "") + "}";
            default -> "\"" + pick(random, METRICS) + "\"";
        };
        if (random.nextInt(3) == 0) {
            metric = "{\"type\": \"inverted\", \"metric\": " + metric + "}";
        }
        return "{\"queryType\": \"topN\", " + aggregated(random) + ", \"dimension\": " + pick(random, DIMENSIONS)
                + ", \"metric\": " + metric + ", \"threshold\": " + (1 + random.nextInt(12)) + "}";
    }

    private static String groupBy(SplittableRandom random) {
        List<String> dimensions = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        while (dimensions.size() < count) {
            String dimension = pick(random, DIMENSIONS);
            String name = dimension.contains("outputName") ? dimension.replaceAll(".*\"outputName\": \"([a-z]+)\".*", "$1")
                    : dimension.replace("\"", "");
            if (dimensions.stream().noneMatch(d -> d.equals(dimension) || d.contains("\"" + name + "\""))) {
                dimensions.add(dimension);
            }
        }
        String having = switch (random.nextInt(5)) {
            case 0 -> ", \"having\": {\"type\": \"greaterThan\", \"aggregation\": \"" + pick(random, METRICS) + "\", \"value\": "
                    + random.nextInt(200) + "}";
            case 1 -> ", \"having\": {\"type\": \"or\", \"havingSpecs\": [{\"type\": \"lessThan\", \"aggregation\": \"rows\","
                    + " \"value\": 3}, {\"type\": \"equalTo\", \"aggregation\": \"perRow\", \"value\": 100}]}";
            default -> "";
        };
        String limitSpec = "";
        if (random.nextBoolean()) {
            List<String> columns = new ArrayList<>();
            for (int c = random.nextInt(3); c > 0; c--) {
                String column = random.nextBoolean() ? pick(random, METRICS) : name(dimensions.get(random.nextInt(dimensions.size())));
                columns.add("{\"dimension\": \"" + column + "\", \"direction\": \"" + (random.nextBoolean() ? "ascending" : "descending")
                        + "\", \"dimensionOrder\": \"" + pick(random, ORDERINGS) + "\"}");
            }
            limitSpec = ", \"limitSpec\": {\"type\": \"default\", \"columns\": [" + String.join(", ", columns) + "]"
                    + (random.nextBoolean() ? ", \"limit\": " + random.nextInt(30) : "")
                    + (random.nextBoolean() ? ", \"offset\": " + random.nextInt(10) : "") + "}";
        }
        return "{\"queryType\": \"groupBy\", " + aggregated(random) + ", \"dimensions\": [" + String.join(", ", dimensions) + "]"
                + having + limitSpec + ", \"context\": {\"sortByDimsFirst\": " + random.nextBoolean() + "}}";
    }

    private static String name(String dimension) {
        return dimension.contains("outputName") ? dimension.replaceAll(".*\"outputName\": \"([a-z]+)\".*", "$1")
                : dimension.replace("\"", "");
    }

    private static String scan(SplittableRandom random) {
        List<String> columns = new ArrayList<>();
        if (random.nextBoolean()) {
            for (int c = 1 + random.nextInt(5); c > 0; c--) {
                columns.add("\"" + pick(random, COLUMNS) + "\"");
            }
        }
        return "{\"queryType\": \"scan\", " + common(random) + ", \"columns\": [" + String.join(", ", columns) + "]"
                + ", \"order\": \"" + new String[] {"none", "ascending", "descending"}[random.nextInt(3)] + "\""
                + (random.nextBoolean() ? ", \"limit\": " + random.nextInt(120) : "")
                + (random.nextBoolean() ? ", \"offset\": " + random.nextInt(60) : "")
                + ", \"resultFormat\": \"" + (random.nextBoolean() ? "list" : "compactedList") + "\""
                + (random.nextBoolean() ? ", \"batchSize\": " + (1 + random.nextInt(50)) : "") + "}";
    }

    private static String search(SplittableRandom random) {
        String spec = random.nextBoolean() ? "{\"type\": \"contains\", \"value\": \"" + random.nextInt(10) + "\"}"
                : "{\"type\": \"insensitive_contains\", \"value\": \"" + (random.nextBoolean() ? "P" : "U") + "\"}";
        return "{\"queryType\": \"search\", " + common(random) + ", \"granularity\": " + pick(random, GRANULARITIES)
                + ", \"query\": " + spec
                + (random.nextBoolean() ? ", \"searchDimensions\": [\"page\", \"tags\", \"size\"]" : "")
                + (random.nextBoolean() ? ", \"limit\": " + (1 + random.nextInt(20)) : "")
                + ", \"sort\": {\"type\": \"" + pick(random, ORDERINGS) + "\"}}";
    }

    private static String metadata(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> "{\"queryType\": \"timeBoundary\", " + common(random)
                    + (random.nextBoolean() ? ", \"bound\": \"" + (random.nextBoolean() ? "minTime" : "maxTime") + "\"" : "") + "}";
            case 1 -> "{\"queryType\": \"dataSourceMetadata\", \"dataSource\": \"wiki\"}";
            default -> "{\"queryType\": \"segmentMetadata\", \"dataSource\": \"wiki\", \"intervals\": " + pick(random, INTERVALS)
                    + ", \"merge\": " + random.nextBoolean() + ", \"lenientAggregatorMerge\": " + random.nextBoolean()
                    + (random.nextBoolean() ? ", \"analysisTypes\": [\"cardinality\", \"minmax\", \"size\", \"interval\","
                            + " \"aggregators\", \"rollup\", \"queryGranularity\"]" : "") + "}";
        };
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
