package dev.tributary.core.aggregation.sketch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Druid's {@code HLLSketchMerge}: merges HLL sketches (a sketch column at query time, serialized sketches at ingest). */
public final class HllSketchMergeAggregatorFactory extends HllSketchAggregatorFactory {
    @JsonCreator
    public HllSketchMergeAggregatorFactory(
            @JsonProperty("name") String name,
            @JsonProperty("fieldName") String fieldName,
            @JsonProperty("lgK") Integer lgK,
            @JsonProperty("tgtHllType") String tgtHllType,
            @JsonProperty("stringEncoding") String stringEncoding,
            @JsonProperty("shouldFinalize") Boolean shouldFinalize,
            @JsonProperty("round") Boolean round) {
        super("HLLSketchMerge", name, fieldName, lgK, tgtHllType, stringEncoding, shouldFinalize, round);
    }

    public HllSketchMergeAggregatorFactory(String name, String fieldName) {
        this(name, fieldName, null, null, null, null, null);
    }

    @Override
    boolean ingestsSketches() {
        return true;
    }

    @Override
    public String complexTypeName() {
        return "HLLSketchMerge";
    }
}
