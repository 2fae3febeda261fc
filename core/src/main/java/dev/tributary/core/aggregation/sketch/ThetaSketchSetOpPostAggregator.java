package dev.tributary.core.aggregation.sketch;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.postagg.PostAggregator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.datasketches.theta.AnotB;
import org.apache.datasketches.theta.Intersection;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Sketch;
import org.apache.datasketches.theta.Union;

/**
 * Druid's {@code thetaSketchSetOp}: {@code UNION}, {@code INTERSECT} or {@code NOT} (the first sketch
 * minus the others, in order) of theta sketches, with {@code size} nominal entries (default 16384).
 * The result is a sketch, for {@code thetaSketchEstimate} or another set operation.
 */
public record ThetaSketchSetOpPostAggregator(
        @JsonProperty("name") String name,
        @JsonProperty("func") String func,
        @JsonProperty("size") Integer size,
        @JsonProperty("fields") List<PostAggregator> fields) implements PostAggregator {
    public ThetaSketchSetOpPostAggregator {
        require(name != null && !name.isBlank(), "name", "a post-aggregator needs a name");
        require(func != null, "func", "thetaSketchSetOp '" + name + "' needs a func: UNION, INTERSECT or NOT");
        func = func.toUpperCase(Locale.ROOT);
        String f = func;
        require(f.equals("UNION") || f.equals("INTERSECT") || f.equals("NOT"), "func", "must be UNION, INTERSECT or NOT");
        require(fields != null && fields.size() >= 2, "fields", "thetaSketchSetOp '" + name + "' needs at least two fields");
        fields = List.copyOf(fields);
        size = size == null ? ThetaSketchAggregatorFactory.DEFAULT_SIZE : size;
        require(size >= 16 && Integer.bitCount(size) == 1, "size", "must be a power of 2 of at least 16");
    }

    @Override
    public Set<String> dependentFields() {
        return SketchPostAggregators.dependentFields(fields);
    }

    @Override
    public Object compute(Map<String, Object> values, Map<String, AggregatorFactory> aggregators) {
        Sketch[] sketches = new Sketch[fields.size()];
        for (int i = 0; i < sketches.length; i++) {
            sketches[i] = SketchPostAggregators.sketch("thetaSketchSetOp", name, fields.get(i), Sketch.class, "theta", values, aggregators);
        }
        switch (func) {
            case "UNION" -> {
                Union union = ThetaSketchAggregatorFactory.newUnion(size);
                for (Sketch sketch : sketches) {
                    union.union(sketch);
                }
                return union.getResult();
            }
            case "INTERSECT" -> {
                Intersection intersection = SetOperation.builder().setNominalEntries(size).buildIntersection();
                for (Sketch sketch : sketches) {
                    intersection.intersect(sketch);
                }
                return intersection.getResult();
            }
            default -> {
                AnotB aNotB = SetOperation.builder().setNominalEntries(size).buildANotB();
                Sketch result = sketches[0];
                for (int i = 1; i < sketches.length; i++) {
                    result = aNotB.aNotB(result, sketches[i]);
                }
                return result;
            }
        }
    }
}
