package dev.tributary.bench.segment;

import dev.tributary.bench.workload.Workload;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The sides of the segment benchmarks, Druid's always and Tributary's once it is built.
 *
 * <p>Tributary's side, {@code TributarySegmentEngine}, is written against core's segment API
 * ({@code dev.tributary.core.segment}). Until core has that API, its source is kept out of the build as
 * {@code TributarySegmentEngine.java.pending} and this class finds no such class: the benchmarks then
 * run Druid's side alone and say so. Renaming the file to {@code .java} is all it takes to enable it.
 *
 * @param druid Druid's side
 * @param tributary Tributary's side, or null when it is not built
 * @param tributaryAbsence why Tributary's side is missing, or null when it is there
 */
record SegmentSides(SegmentEngine druid, SegmentEngine tributary, String tributaryAbsence) implements AutoCloseable {
    static final String TRIBUTARY_ENGINE = "dev.tributary.bench.segment.TributarySegmentEngine";

    /** Both sides for this workload's dataSchema; each in-memory index may hold up to {@code maxRows} rows. */
    static SegmentSides forWorkload(Workload workload, int maxRows) {
        SegmentEngine druid = new DruidSegmentEngine(workload.dataSchemaJson(), maxRows);
        try {
            Class<?> type = Class.forName(TRIBUTARY_ENGINE);
            SegmentEngine tributary = (SegmentEngine) type.getConstructor(String.class).newInstance(workload.dataSchemaJson());
            return new SegmentSides(druid, tributary, null);
        } catch (ClassNotFoundException e) {
            return new SegmentSides(druid, null, "not built: bench/src/main/java/dev/tributary/bench/segment/"
                    + "TributarySegmentEngine.java.pending waits for core's segment API (rename it to .java to enable)");
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(TRIBUTARY_ENGINE + " needs a public constructor taking the dataSchema JSON", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Tributary's segment engine could not start: " + e.getCause(), e.getCause());
        }
    }

    /** The sides present, Druid first on even rounds and last on odd ones, so drift hits both alike. */
    List<SegmentEngine> inOrder(int round) {
        List<SegmentEngine> sides = new ArrayList<>(all());
        if (round % 2 == 1) {
            Collections.reverse(sides);
        }
        return sides;
    }

    /** The sides present, Druid first. */
    List<SegmentEngine> all() {
        return tributary == null ? List.of(druid) : List.of(druid, tributary);
    }

    @Override
    public void close() {
        druid.close();
        if (tributary != null) {
            tributary.close();
        }
    }
}
