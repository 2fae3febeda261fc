package dev.tributary.core.aggregation.sketch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Druid's {@code HLLSketchBuild}: builds HLL sketches of a field's values (at ingest and at query time). */
public final class HllSketchBuildAggregatorFactory extends HllSketchAggregatorFactory {
    @JsonCreator
    public HllSketchBuildAggregatorFactory(
            @JsonProperty("name") String name,
            @JsonProperty("fieldName") String fieldName,
            @JsonProperty("lgK") Integer lgK,
            @JsonProperty("tgtHllType") String tgtHllType,
            @JsonProperty("stringEncoding") String stringEncoding,
            @JsonProperty("shouldFinalize") Boolean shouldFinalize,
            @JsonProperty("round") Boolean round) {
        super("HLLSketchBuild", name, fieldName, lgK, tgtHllType, stringEncoding, shouldFinalize, round);
    }

    public HllSketchBuildAggregatorFactory(String name, String fieldName) {
        this(name, fieldName, null, null, null, null, null);
    }

    @Override
    boolean ingestsSketches() {
        return false;
    }

    @Override
    public String complexTypeName() {
        return "HLLSketchBuild";
    }
}
