package dev.tributary.core.aggregation.sketch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.tributary.core.aggregation.hyperloglog.HyperUniqueFinalizingPostAggregator;
import java.io.IOException;
import java.util.function.Function;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.quantiles.DoublesSketch;
import org.apache.datasketches.theta.Sketch;

/**
 * Registers the DataSketches aggregators and post-aggregators under Druid's datasketches extension
 * names, with the {@code hyperUniqueCardinality} post-aggregator, and writes sketches the way Druid
 * sends them: base64 of their compact serialized bytes.
 */
public final class SketchJsonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    public SketchJsonModule() {
        super("tributary-datasketches");
        registerSubtypes(
                new NamedType(HllSketchBuildAggregatorFactory.class, "HLLSketchBuild"),
                new NamedType(HllSketchMergeAggregatorFactory.class, "HLLSketchMerge"),
                new NamedType(ThetaSketchAggregatorFactory.class, "thetaSketch"),
                new NamedType(DoublesSketchAggregatorFactory.class, "quantilesDoublesSketch"),
                new NamedType(HllSketchEstimatePostAggregator.class, "HLLSketchEstimate"),
                new NamedType(HllSketchEstimateWithBoundsPostAggregator.class, "HLLSketchEstimateWithBounds"),
                new NamedType(HllSketchUnionPostAggregator.class, "HLLSketchUnion"),
                new NamedType(ThetaSketchEstimatePostAggregator.class, "thetaSketchEstimate"),
                new NamedType(ThetaSketchSetOpPostAggregator.class, "thetaSketchSetOp"),
                new NamedType(DoublesSketchToQuantilePostAggregator.class, "quantilesDoublesSketchToQuantile"),
                new NamedType(DoublesSketchToQuantilesPostAggregator.class, "quantilesDoublesSketchToQuantiles"),
                new NamedType(DoublesSketchToHistogramPostAggregator.class, "quantilesDoublesSketchToHistogram"),
                new NamedType(DoublesSketchToRankPostAggregator.class, "quantilesDoublesSketchToRank"),
                new NamedType(DoublesSketchToCdfPostAggregator.class, "quantilesDoublesSketchToCDF"),
                new NamedType(HyperUniqueFinalizingPostAggregator.class, "hyperUniqueCardinality"));
        addSerializer(HllSketch.class, base64(HllSketch::toCompactByteArray));
        addSerializer(Sketch.class, base64(s -> s.compact().toByteArray()));
        addSerializer(DoublesSketch.class, base64(s -> s.toByteArray(true)));
    }

    private static <T> JsonSerializer<T> base64(Function<T, byte[]> bytes) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T sketch, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(SketchBytes.base64(bytes.apply(sketch)));
            }
        };
    }
}
