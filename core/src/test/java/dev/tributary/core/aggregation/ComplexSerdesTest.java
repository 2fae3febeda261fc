package dev.tributary.core.aggregation;

import static dev.tributary.core.testing.TestData.dataSchema;
import static dev.tributary.core.testing.TestData.index;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.column.ComplexColumn;
import dev.tributary.core.index.IncrementalIndex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The serde registry: one serde for every complex type a live index can hold, and a clear refusal otherwise. */
class ComplexSerdesTest {
    @Test
    void shouldServeEveryComplexTypeALiveIndexHolds() {
        IncrementalIndex index = index(dataSchema("""
                {"dataSource": "t", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [
                   {"type": "count", "name": "count"},
                   {"type": "hyperUnique", "name": "hyperUnique", "fieldName": "u"},
                   {"type": "cardinality", "name": "cardinality", "fields": ["u"]},
                   {"type": "filtered", "name": "filtered", "filter": {"type": "selector", "dimension": "page", "value": "a"},
                    "aggregator": {"type": "hyperUnique", "name": "filtered", "fieldName": "u"}},
                   {"type": "HLLSketchBuild", "name": "hllBuild", "fieldName": "u"},
                   {"type": "HLLSketchMerge", "name": "hllMerge", "fieldName": "hllBuildInput"},
                   {"type": "thetaSketch", "name": "theta", "fieldName": "u"},
                   {"type": "quantilesDoublesSketch", "name": "quantiles", "fieldName": "x"},
                   {"type": "longFirst", "name": "longFirst", "fieldName": "x"},
                   {"type": "longLast", "name": "longLast", "fieldName": "x"},
                   {"type": "doubleFirst", "name": "doubleFirst", "fieldName": "x"},
                   {"type": "doubleLast", "name": "doubleLast", "fieldName": "x"},
                   {"type": "floatFirst", "name": "floatFirst", "fieldName": "x"},
                   {"type": "floatLast", "name": "floatLast", "fieldName": "x"},
                   {"type": "stringFirst", "name": "stringFirst", "fieldName": "u"},
                   {"type": "stringLast", "name": "stringLast", "fieldName": "u"}]}"""),
                "{\"ts\": \"2020-01-01T00:00:00Z\", \"page\": \"a\", \"u\": \"x\", \"x\": 1}");
        List<String> types = new ArrayList<>();

        for (AggregatorFactory metric : index.metrics()) {
            if (index.column(metric.name()) instanceof ComplexColumn column) {
                assertThat(ComplexSerdes.forType(column.typeName()).typeName()).isEqualTo(column.typeName());
                assertThat(metric.complexTypeName()).isEqualTo(column.typeName());
                types.add(column.typeName());
            }
        }

        assertThat(types).containsExactly("hyperUnique", "hyperUnique", "hyperUnique", "HLLSketchBuild", "HLLSketchMerge",
                "thetaSketch", "quantilesDoublesSketch", "serializablePairLongLong", "serializablePairLongLong",
                "serializablePairLongDouble", "serializablePairLongDouble", "serializablePairLongFloat",
                "serializablePairLongFloat", "serializablePairLongString", "serializablePairLongString");
    }

    @Test
    void shouldRefuseAnUnknownTypeNamingItAndTheKnownOnes() {
        assertThatThrownBy(() -> ComplexSerdes.forType("approxHistogram"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[approxHistogram]")
                .hasMessageContaining("hyperUnique")
                .hasMessageContaining("thetaSketch")
                .hasMessageContaining("serializablePairLongString");
        assertThatThrownBy(() -> ComplexSerdes.forType(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[null]");
    }

    @Test
    void shouldRefuseToWriteAnObjectOfAnotherType() {
        assertThatThrownBy(() -> ComplexSerdes.forType("hyperUnique").toBytes(new SerializablePair(1, 2L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SerializablePair");
        assertThatThrownBy(() -> ComplexSerdes.forType("thetaSketch").toBytes("AQ=="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("String");
        assertThatThrownBy(() -> ComplexSerdes.forType("serializablePairLongFloat").toBytes(new SerializablePair(1, 2.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Float")
                .hasMessageContaining("Double");
    }
}
