package dev.tributary.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.core.Json;
import dev.tributary.core.aggregation.CountAggregatorFactory;
import dev.tributary.core.aggregation.DoubleSumAggregatorFactory;
import dev.tributary.core.aggregation.LongSumAggregatorFactory;
import dev.tributary.core.spi.Extensions;
import dev.tributary.core.testing.TestFirehoseExtension;
import dev.tributary.core.testing.TestFirehoseExtension.TestFirehoseFactory;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {

    /** A complete realtime spec in the newer form: timestampSpec and dimensionsSpec at the top of dataSchema. */
    private static final String NEWER_FORM = """
            {
              "dataSchema": {
                "dataSource": "wikipedia",
                "timestampSpec": {"column": "ts", "format": "iso"},
                "dimensionsSpec": {
                  "dimensions": ["page", {"type": "long", "name": "length"}, {"name": "tags", "multiValueHandling": "array"}],
                  "dimensionExclusions": ["secret"]
                },
                "metricsSpec": [
                  {"type": "count", "name": "count"},
                  {"type": "longSum", "name": "added", "fieldName": "added"},
                  {"type": "doubleSum", "name": "delta", "fieldName": "deltaValue"}
                ],
                "granularitySpec": {
                  "type": "uniform",
                  "segmentGranularity": "HOUR",
                  "queryGranularity": {"type": "minute"},
                  "rollup": false,
                  "intervals": ["2013-08-31/2013-09-01"]
                }
              },
              "ioConfig": {
                "type": "realtime",
                "firehose": {"type": "test", "label": "edits"},
                "inputFormat": {"type": "json"}
              },
              "tuningConfig": {
                "type": "realtime",
                "maxRowsInMemory": 1000,
                "maxBytesInMemory": 1048576,
                "intermediatePersistPeriod": "PT1M",
                "windowPeriod": "PT5M",
                "rejectionPolicy": {"type": "messageTime"},
                "basePersistDirectory": "/var/tributary/persist",
                "maxPendingPersists": 2,
                "handoffConditionTimeout": 60000,
                "maxRowsPerSegment": 10000,
                "reportParseExceptions": true
              }
            }
            """;

    /** The same dataSchema as {@link #NEWER_FORM}, in Druid's legacy {@code parser.parseSpec} form. */
    private static final String LEGACY_FORM = """
            {
              "dataSchema": {
                "dataSource": "wikipedia",
                "parser": {
                  "type": "string",
                  "parseSpec": {
                    "format": "json",
                    "timestampSpec": {"column": "ts", "format": "iso"},
                    "dimensionsSpec": {
                      "dimensions": ["page", {"type": "long", "name": "length"}, {"name": "tags", "multiValueHandling": "array"}],
                      "dimensionExclusions": ["secret"]
                    }
                  }
                },
                "metricsSpec": [
                  {"type": "count", "name": "count"},
                  {"type": "longSum", "name": "added", "fieldName": "added"},
                  {"type": "doubleSum", "name": "delta", "fieldName": "deltaValue"}
                ],
                "granularitySpec": {
                  "type": "uniform",
                  "segmentGranularity": "HOUR",
                  "queryGranularity": {"type": "minute"},
                  "rollup": false,
                  "intervals": ["2013-08-31/2013-09-01"]
                }
              },
              "ioConfig": {"type": "realtime", "firehose": {"type": "test", "label": "edits"}}
            }
            """;

    private static final String MINIMAL = """
            {
              "dataSchema": {"dataSource": "events", "timestampSpec": {"column": "timestamp"}},
              "ioConfig": {"firehose": {"type": "test"}}
            }
            """;

    private static final DataSchema EXPECTED_SCHEMA = new DataSchema(
            "wikipedia",
            new TimestampSpec("ts", "iso", null),
            new DimensionsSpec(
                    List.of(DimensionSchema.ofName("page"),
                            new DimensionSchema("length", "long", "sorted_array", true),
                            new DimensionSchema("tags", "string", "array", true)),
                    List.of("secret"), List.of(), false, false),
            List.of(new CountAggregatorFactory("count"),
                    new LongSumAggregatorFactory("added", "added"),
                    new DoubleSumAggregatorFactory("delta", "deltaValue")),
            new GranularitySpec("uniform", Granularity.HOUR, Granularity.MINUTE, false,
                    List.of(new Interval(1377907200000L, 1377993600000L))),
            null,
            null);

    @Test
    void shouldFindTheTestFirehoseExtensionOnTheClassPath() {
        assertThat(Extensions.loaded()).extracting(e -> e.name()).containsExactly(TestFirehoseExtension.NAME);
    }

    @Test
    void shouldReadEveryFieldOfTheNewerForm() {
        IngestionSpec spec = SpecReader.read(NEWER_FORM);

        assertThat(spec.dataSchema()).isEqualTo(EXPECTED_SCHEMA);
        assertThat(spec.dataSchema().metricInputFields()).containsExactlyInAnyOrder("added", "deltaValue");
        assertThat(spec.ioConfig()).isEqualTo(new IoConfig("realtime", new TestFirehoseFactory("edits"), InputFormatSpec.json(), null));
        assertThat(spec.tuningConfig()).isEqualTo(new TuningConfig("realtime", 1000, 1_048_576L, Duration.ofMinutes(1),
                Duration.ofMinutes(5), Map.of("type", "messageTime"), "/var/tributary/persist", 2, 60_000L, 10_000, true, null));
    }

    @Test
    void shouldReadTheLegacyParserFormToTheSameDataSchemaAsTheNewerForm() {
        IngestionSpec legacy = SpecReader.read(LEGACY_FORM);

        assertThat(legacy.dataSchema()).isEqualTo(EXPECTED_SCHEMA);
        assertThat(legacy.dataSchema()).isEqualTo(SpecReader.read(NEWER_FORM).dataSchema());
    }

    @Test
    void shouldApplyDruidDefaultsToAMinimalSpec() {
        IngestionSpec spec = SpecReader.read(MINIMAL);

        DataSchema schema = spec.dataSchema();
        assertThat(schema.dataSource()).isEqualTo("events");
        assertThat(schema.timestampSpec()).isEqualTo(new TimestampSpec("timestamp", "auto", null));
        assertThat(schema.dimensionsSpec().isSchemaless()).isTrue();
        assertThat(schema.dimensionsSpec().dimensionExclusions()).isEmpty();
        assertThat(schema.metricsSpec()).isEmpty();
        assertThat(schema.transformSpec()).isEqualTo(new TransformSpec(null, null));
        assertThat(schema.flattenSpec()).isNull();
        GranularitySpec granularity = schema.granularitySpec();
        assertThat(granularity.type()).isEqualTo("uniform");
        assertThat(granularity.segmentGranularity()).isEqualTo(Granularity.DAY);
        assertThat(granularity.queryGranularity()).isEqualTo(Granularity.NONE);
        assertThat(granularity.rollup()).isTrue();
        assertThat(granularity.intervals()).isEmpty();
        assertThat(spec.ioConfig().type()).isEqualTo("realtime");
        assertThat(spec.ioConfig().firehose()).isEqualTo(new TestFirehoseFactory(null));
        assertThat(spec.ioConfig().inputFormat()).isEqualTo(new InputFormatSpec("json", null, false, Map.of()));
        TuningConfig tuning = spec.tuningConfig();
        assertThat(tuning.type()).isEqualTo("realtime");
        assertThat(tuning.maxRowsInMemory()).isEqualTo(150_000);
        assertThat(tuning.maxBytesInMemory()).isEqualTo(0L);
        assertThat(tuning.intermediatePersistPeriod()).isEqualTo(Duration.ofMinutes(10));
        assertThat(tuning.windowPeriod()).isEqualTo(Duration.ofMinutes(10));
        assertThat(tuning.rejectionPolicy()).isEqualTo(Map.of("type", "serverTime"));
        assertThat(tuning.basePersistDirectory()).isEqualTo(System.getProperty("java.io.tmpdir") + "/tributary-persist");
        assertThat(tuning.maxPendingPersists()).isEqualTo(0);
        assertThat(tuning.handoffConditionTimeout()).isEqualTo(0L);
        assertThat(tuning.maxRowsPerSegment()).isEqualTo(5_000_000);
        assertThat(tuning.reportParseExceptions()).isFalse();
        assertThat(tuning).isEqualTo(TuningConfig.defaults());
    }

    @Test
    void shouldReadASpecFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("spec.json");
        Files.writeString(file, NEWER_FORM);

        assertThat(SpecReader.read(file).dataSchema()).isEqualTo(EXPECTED_SCHEMA);
    }

    @Test
    void shouldReportAMissingSpecFileAsAnIoProblem(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");

        UncheckedIOException e = catchThrowableOfType(UncheckedIOException.class, () -> SpecReader.read(missing));

        assertThat(e).hasMessageStartingWith("cannot read spec file " + missing);
    }

    @Test
    void shouldRefuseUnknownNestedFieldNamingItsPath() {
        InvalidSpecException e = refused(edit(NEWER_FORM,
                root -> object(root, "/dataSchema/granularitySpec").put("segmentGrannularity", "hour")));

        assertNamesField(e, "dataSchema.granularitySpec.segmentGrannularity");
        assertThat(e.problem()).startsWith("unknown field; known fields here are [")
                .contains("segmentGranularity", "queryGranularity", "rollup");
    }

    @Test
    void shouldRefuseAValueOfTheWrongTypeNamingItsPath() {
        InvalidSpecException e = refused(edit(NEWER_FORM,
                root -> object(root, "/tuningConfig").put("maxRowsInMemory", "lots")));

        assertNamesField(e, "tuningConfig.maxRowsInMemory");
        assertThat(e.problem()).startsWith("has the wrong type: expected a number");
    }

    @Test
    void shouldRefuseASpecWithoutDataSchema() {
        InvalidSpecException e = refused(edit(NEWER_FORM, root -> root.remove("dataSchema")));

        assertNamesField(e, "dataSchema");
        assertThat(e.problem()).isEqualTo("is required");
    }

    @Test
    void shouldRefuseASpecWithoutTimestampSpec() {
        InvalidSpecException e = refused(edit(NEWER_FORM, root -> object(root, "/dataSchema").remove("timestampSpec")));

        assertNamesField(e, "dataSchema.timestampSpec");
        assertThat(e.problem()).isEqualTo("is required (or parser.parseSpec.timestampSpec)");
    }

    @Test
    void shouldRefuseALegacySpecWhoseParseSpecHasNoTimestampSpec() {
        InvalidSpecException e = refused(edit(LEGACY_FORM,
                root -> object(root, "/dataSchema/parser/parseSpec").remove("timestampSpec")));

        assertNamesField(e, "dataSchema.timestampSpec");
    }

    @Test
    void shouldRefuseTimestampSpecGivenBothAtTheTopAndInTheParser() {
        InvalidSpecException e = refused(edit(LEGACY_FORM,
                root -> object(root, "/dataSchema").putObject("timestampSpec").put("column", "ts")));

        assertNamesField(e, "dataSchema.timestampSpec");
        assertThat(e.problem()).isEqualTo("is given both at the top level and in parser.parseSpec; keep one");
    }

    @Test
    void shouldRefuseAnUnknownAggregatorTypeNamingItsIndex() {
        InvalidSpecException e = refused(edit(NEWER_FORM,
                root -> ((ObjectNode) metrics(root).get(1)).put("type", "longMagic")));

        assertNamesField(e, "dataSchema.metricsSpec[1].type");
        assertThat(e.problem()).startsWith("unknown type 'longMagic'; known types are [")
                .contains("count", "longSum", "doubleSum");
    }

    @Test
    void shouldRefuseAnAggregatorWithoutType() {
        InvalidSpecException e = refused(edit(NEWER_FORM, root -> ((ObjectNode) metrics(root).get(2)).remove("type")));

        assertNamesField(e, "dataSchema.metricsSpec[2].type");
        assertThat(e.problem()).isEqualTo("is required");
    }

    @Test
    void shouldRefuseALongSumWithoutFieldName() {
        InvalidSpecException e = refused(edit(NEWER_FORM, root -> {
            ArrayNode metrics = metrics(root);
            metrics.removeAll();
            metrics.addObject().put("type", "longSum").put("name", "added");
        }));

        assertNamesField(e, "dataSchema.metricsSpec[0].fieldName");
        assertThat(e.problem()).isEqualTo("longSum 'added' needs a fieldName");
    }

    @Test
    void shouldRefuseADataSourceThatClimbsOutOfItsDirectory() {
        InvalidSpecException e = refused(edit(NEWER_FORM, root -> object(root, "/dataSchema").put("dataSource", "../../etc")));

        assertNamesField(e, "dataSchema.dataSource");
        assertThat(e.problem()).isEqualTo("'../../etc' must not start with '.'");
    }

    @Test
    void shouldRefuseADataSourceWithASlashOrDotDot() {
        assertNamesField(refused(edit(NEWER_FORM, root -> object(root, "/dataSchema").put("dataSource", "a/b"))),
                "dataSchema.dataSource");
        assertNamesField(refused(edit(NEWER_FORM, root -> object(root, "/dataSchema").put("dataSource", "a..b"))),
                "dataSchema.dataSource");
        assertNamesField(refused(edit(NEWER_FORM, root -> object(root, "/dataSchema").put("dataSource", "a\u0001b"))),
                "dataSchema.dataSource");
    }

    @Test
    void shouldRefuseAnUnknownGranularityNamingItsPath() {
        InvalidSpecException e = refused(edit(NEWER_FORM,
                root -> object(root, "/dataSchema/granularitySpec").put("segmentGranularity", "fortnight")));

        assertNamesField(e, "dataSchema.granularitySpec.segmentGranularity");
        assertThat(e.problem()).startsWith("unknown granularity 'fortnight'; expected one of [all, none, second, minute,");
    }

    @Test
    void shouldRefuseASegmentGranularityThatCannotBoundASegment() {
        InvalidSpecException e = refused(edit(NEWER_FORM,
                root -> object(root, "/dataSchema/granularitySpec").put("segmentGranularity", "all")));

        assertNamesField(e, "dataSchema.granularitySpec.segmentGranularity");
    }

    @Test
    void shouldRefuseAMetricNameDefinedTwice() {
        InvalidSpecException e = refused(edit(NEWER_FORM,
                root -> ((ObjectNode) metrics(root).get(2)).put("name", "added")));

        assertNamesField(e, "dataSchema.metricsSpec[2].name");
        assertThat(e.problem()).isEqualTo("metric 'added' is defined twice");
    }

    @Test
    void shouldRefuseAMetricThatIsAlsoADimension() {
        InvalidSpecException e = refused(edit(NEWER_FORM,
                root -> ((ObjectNode) metrics(root).get(0)).put("name", "page")));

        assertNamesField(e, "dataSchema.metricsSpec[0].name");
        assertThat(e.problem()).isEqualTo("'page' is both a dimension and a metric");
    }

    @Test
    void shouldRefuseTextThatIsNotJson() {
        InvalidSpecException e = refused("{\"dataSchema\": this is not json}");

        assertNamesField(e, "(document)");
        assertThat(e.problem()).startsWith("is not valid JSON: ").endsWith("at line 1, column 16");
    }

    @Test
    void shouldRefuseJsonNullAsASpec() {
        InvalidSpecException e = refused("null");

        assertNamesField(e, "(document)");
    }

    @Test
    void shouldRefuseAnEmptyDocument() {
        InvalidSpecException e = refused("");

        assertNamesField(e, "(document)");
    }

    @Test
    void shouldRefuseAJsonArrayAsASpec() {
        InvalidSpecException e = refused("[]");

        assertNamesField(e, "(document)");
        assertThat(e.problem()).startsWith("has the wrong type: expected an object (IngestionSpec)");
    }

    @Test
    void shouldRefuseADuplicateKey() {
        InvalidSpecException e = refused("""
                {"dataSchema": {"dataSource": "a", "dataSource": "b", "timestampSpec": {}}, "ioConfig": {"firehose": {"type": "test"}}}
                """);

        assertThat(e.getMessage()).contains("dataSource");
    }

    @Test
    void shouldRefuseAnUnknownFirehoseTypeListingTheKnownOnes() {
        InvalidSpecException e = refused(edit(NEWER_FORM, root -> object(root, "/ioConfig/firehose").put("type", "kafka")));

        assertNamesField(e, "ioConfig.firehose.type");
        assertThat(e.problem()).isEqualTo("unknown type 'kafka'; known types are [test]");
    }

    @Test
    void shouldRefuseAnUnsupportedRejectionPolicy() {
        InvalidSpecException e = refused(edit(NEWER_FORM,
                root -> object(root, "/tuningConfig/rejectionPolicy").put("type", "sometimes")));

        assertNamesField(e, "tuningConfig.rejectionPolicy.type");
    }

    @Test
    void shouldRefuseATransformSpecFilterWithoutDimensionNamingItsPath() {
        InvalidSpecException e = refused(edit(NEWER_FORM,
                root -> object(root, "/dataSchema").putObject("transformSpec").putObject("filter").put("type", "selector")));

        assertNamesField(e, "dataSchema.transformSpec.filter.dimension");
        assertThat(e.problem()).isEqualTo("a selector filter needs a dimension");
    }

    @Test
    void shouldRefuseAnUnknownTimestampFormat() {
        InvalidSpecException e = refused(edit(NEWER_FORM, root -> object(root, "/dataSchema/timestampSpec").put("format", "yyyy")));

        assertNamesField(e, "dataSchema.timestampSpec.format");
    }

    private static InvalidSpecException refused(String json) {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> SpecReader.read(json));
        assertThat(e).as("spec should have been refused: %s", json).isNotNull();
        return e;
    }

    private static void assertNamesField(InvalidSpecException e, String field) {
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).isEqualTo("Invalid ingestion spec: field '" + field + "': " + e.problem());
    }

    private static String edit(String json, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) Json.mapper().readTree(json);
            change.accept(root);
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode object(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    private static ArrayNode metrics(ObjectNode root) {
        return (ArrayNode) root.at("/dataSchema/metricsSpec");
    }
}
