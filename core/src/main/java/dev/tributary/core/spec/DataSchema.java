package dev.tributary.core.spec;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Druid's {@code dataSchema}: what a row is. Both the newer form (top-level {@code timestampSpec} and
 * {@code dimensionsSpec}) and the legacy {@code parser.parseSpec} form are read; the record always
 * holds the resolved specs.
 */
public record DataSchema(
        String dataSource,
        TimestampSpec timestampSpec,
        DimensionsSpec dimensionsSpec,
        List<AggregatorFactory> metricsSpec,
        GranularitySpec granularitySpec,
        TransformSpec transformSpec,
        FlattenSpec flattenSpec) {

    public DataSchema {
        String problem = DataSourceNames.problem(dataSource);
        require(problem == null, "dataSource", problem);
        require(timestampSpec != null, "timestampSpec", "is required (or parser.parseSpec.timestampSpec)");
        dimensionsSpec = dimensionsSpec == null ? DimensionsSpec.schemaless() : dimensionsSpec;
        metricsSpec = metricsSpec == null ? List.of() : List.copyOf(metricsSpec);
        granularitySpec = granularitySpec == null ? GranularitySpec.defaults() : granularitySpec;
        transformSpec = transformSpec == null ? new TransformSpec(null, null) : transformSpec;
        Set<String> dimensionNames = new HashSet<>();
        dimensionsSpec.dimensions().forEach(d -> dimensionNames.add(d.name()));
        Set<String> metricNames = new HashSet<>();
        for (int i = 0; i < metricsSpec.size(); i++) {
            String name = metricsSpec.get(i).name();
            require(metricNames.add(name), "metricsSpec[" + i + "].name", "metric '" + name + "' is defined twice");
            require(!dimensionNames.contains(name), "metricsSpec[" + i + "].name",
                    "'" + name + "' is both a dimension and a metric");
        }
    }

    /** Jackson's entry point: resolves the legacy parser form into the newer one. */
    @JsonCreator
    static DataSchema fromJson(
            @JsonProperty("dataSource") String dataSource,
            @JsonProperty("parser") ParserSpec parser,
            @JsonProperty("timestampSpec") TimestampSpec timestampSpec,
            @JsonProperty("dimensionsSpec") DimensionsSpec dimensionsSpec,
            @JsonProperty("metricsSpec") List<AggregatorFactory> metricsSpec,
            @JsonProperty("granularitySpec") GranularitySpec granularitySpec,
            @JsonProperty("transformSpec") TransformSpec transformSpec) {
        FlattenSpec flatten = null;
        if (parser != null) {
            ParserSpec.ParseSpec parse = parser.parseSpec();
            require(timestampSpec == null || parse.timestampSpec() == null, "timestampSpec",
                    "is given both at the top level and in parser.parseSpec; keep one");
            require(dimensionsSpec == null || parse.dimensionsSpec() == null, "dimensionsSpec",
                    "is given both at the top level and in parser.parseSpec; keep one");
            timestampSpec = timestampSpec != null ? timestampSpec : parse.timestampSpec();
            dimensionsSpec = dimensionsSpec != null ? dimensionsSpec : parse.dimensionsSpec();
            flatten = parse.flattenSpec();
        }
        return new DataSchema(dataSource, timestampSpec, dimensionsSpec, metricsSpec, granularitySpec,
                transformSpec, flatten);
    }

    /** The input fields that feed metrics; schemaless ingestion does not turn them into dimensions. */
    public Set<String> metricInputFields() {
        Set<String> fields = new HashSet<>();
        metricsSpec.forEach(m -> fields.addAll(m.requiredFields()));
        return fields;
    }
}
