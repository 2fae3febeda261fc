package dev.tributary.core.aggregation.sketch;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.postagg.PostAggregator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/** Druid's {@code HLLSketchUnion}: the union of HLL sketches, an HLL sketch of {@code tgtHllType}. */
public record HllSketchUnionPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("fields") List<PostAggregator> fields,
        @JsonProperty("lgK") Integer lgK,
        @JsonProperty("tgtHllType") String tgtHllType) implements PostAggregator {
    public HllSketchUnionPostAggregator {
        require(name != null && !name.isBlank(), "name", "a post-aggregator needs a name");
        require(fields != null && fields.size() >= 2, "fields", "HLLSketchUnion '" + name + "' needs at least two fields");
        fields = List.copyOf(fields);
        lgK = lgK == null ? HllSketchAggregatorFactory.DEFAULT_LG_K : lgK;
        require(lgK >= 4 && lgK <= 21, "lgK", "must be between 4 and 21");
        tgtHllType = tgtHllType == null ? "HLL_4" : tgtHllType.toUpperCase(Locale.ROOT);
        String type = tgtHllType;
        require(type.equals("HLL_4") || type.equals("HLL_6") || type.equals("HLL_8"), "tgtHllType",
                "must be HLL_4, HLL_6 or HLL_8");
    }

    @Override
    public Set<String> dependentFields() {
        return SketchPostAggregators.dependentFields(fields);
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        Union union = new Union(lgK);
        for (PostAggregator field : fields) {
            union.update(SketchPostAggregators.sketch("HLLSketchUnion", name, field, HllSketch.class, "HLL", values, aggregators));
        }
        return union.getResult(TgtHllType.valueOf(tgtHllType));
    }
}
