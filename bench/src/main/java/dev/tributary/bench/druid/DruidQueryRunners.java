package dev.tributary.bench.druid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.google.common.base.Suppliers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.druid.collections.DefaultBlockingPool;
import org.apache.druid.collections.StupidPool;
import org.apache.druid.jackson.DefaultObjectMapper;
import org.apache.druid.query.DirectQueryProcessingPool;
import org.apache.druid.query.DruidProcessingConfig;
import org.apache.druid.query.FinalizeResultsQueryRunner;
import org.apache.druid.query.Query;
import org.apache.druid.query.QueryContexts;
import org.apache.druid.query.QueryPlus;
import org.apache.druid.query.QueryRunner;
import org.apache.druid.query.QueryRunnerFactory;
import org.apache.druid.query.QueryToolChest;
import org.apache.druid.query.QueryWatcher;
import org.apache.druid.query.context.ResponseContext;
import org.apache.druid.query.groupby.GroupByQuery;
import org.apache.druid.query.groupby.GroupByQueryConfig;
import org.apache.druid.query.groupby.GroupByQueryQueryToolChest;
import org.apache.druid.query.groupby.GroupByQueryRunnerFactory;
import org.apache.druid.query.groupby.GroupByResourcesReservationPool;
import org.apache.druid.query.groupby.GroupByStatsProvider;
import org.apache.druid.query.groupby.GroupingEngine;
import org.apache.druid.query.timeseries.TimeseriesQuery;
import org.apache.druid.query.timeseries.TimeseriesQueryEngine;
import org.apache.druid.query.timeseries.TimeseriesQueryQueryToolChest;
import org.apache.druid.query.timeseries.TimeseriesQueryRunnerFactory;
import org.apache.druid.query.topn.TopNQuery;
import org.apache.druid.query.topn.TopNQueryConfig;
import org.apache.druid.query.topn.TopNQueryQueryToolChest;
import org.apache.druid.query.topn.TopNQueryRunnerFactory;
import org.apache.druid.segment.Segment;

/**
 * Druid's query runner factories for timeseries, topN and groupBy, wired by hand the way a Druid data
 * server's Guice modules wire them, and the runner chain a historical puts around one segment:
 * per-segment runner, pre-merge decoration, merge, toolchest merge, finalize. Queries run on the
 * calling thread ({@link DirectQueryProcessingPool}), as Tributary's do.
 */
final class DruidQueryRunners {
    /** Druid's default processing buffer is larger; this is ample for one segment of a few million rows. */
    private static final int BUFFER_BYTES = 64 << 20;
    private static final QueryWatcher NO_WATCHER = (query, future) -> { };
    private static volatile DruidQueryRunners shared;

    private final Map<Class<?>, QueryRunnerFactory<?, ?>> factories;

    private DruidQueryRunners() {
        StupidPool<ByteBuffer> processingBuffers =
                new StupidPool<>("bench-processing", () -> ByteBuffer.allocateDirect(BUFFER_BYTES));
        DefaultBlockingPool<ByteBuffer> mergeBuffers =
                new DefaultBlockingPool<>(() -> ByteBuffer.allocateDirect(BUFFER_BYTES), 2);
        DruidProcessingConfig processing = new DruidProcessingConfig() {
            @Override
            public int intermediateComputeSizeBytes() {
                return BUFFER_BYTES;
            }

            @Override
            public int getNumMergeBuffers() {
                return 2;
            }

            @Override
            public int getNumThreads() {
                return 1;
            }
        };
        GroupByQueryConfig groupByConfig = new GroupByQueryConfig();
        GroupByStatsProvider groupByStats = new GroupByStatsProvider();
        GroupByResourcesReservationPool reservations = new GroupByResourcesReservationPool(mergeBuffers, groupByConfig);
        ObjectMapper json = DruidJson.newMapper();
        ObjectMapper smile = new DefaultObjectMapper(new SmileFactory(), null);
        GroupingEngine grouping = new GroupingEngine(processing, Suppliers.ofInstance(groupByConfig), reservations,
                json, smile, NO_WATCHER, groupByStats);
        this.factories = Map.of(
                TimeseriesQuery.class, new TimeseriesQueryRunnerFactory(
                        new TimeseriesQueryQueryToolChest(), new TimeseriesQueryEngine(processingBuffers), NO_WATCHER),
                TopNQuery.class, new TopNQueryRunnerFactory(
                        processingBuffers, new TopNQueryQueryToolChest(new TopNQueryConfig()), NO_WATCHER),
                GroupByQuery.class, new GroupByQueryRunnerFactory(
                        grouping, new GroupByQueryQueryToolChest(grouping, reservations, groupByStats), processingBuffers));
    }

    static DruidQueryRunners shared() {
        DruidQueryRunners runners = shared;
        if (runners == null) {
            synchronized (DruidQueryRunners.class) {
                if (shared == null) {
                    shared = new DruidQueryRunners();
                }
                runners = shared;
            }
        }
        return runners;
    }

    /** A query bound to its runner chain over one segment. */
    static final class Prepared<T> {
        private final Query<T> query;
        private final QueryRunner<T> runner;

        private Prepared(Query<T> query, QueryRunner<T> runner) {
            this.query = query;
            this.runner = runner;
        }

        /** Runs the query; the results, materialized. */
        List<T> run() {
            // Each run reserves its own groupBy merge buffers under a fresh resource id, as a broker would give it.
            Query<T> withId = query.withOverriddenContext(Map.of(QueryContexts.QUERY_RESOURCE_ID, UUID.randomUUID().toString()));
            return runner.run(QueryPlus.wrap(withId), ResponseContext.createEmpty()).toList();
        }
    }

    <T> Prepared<T> prepare(Query<T> query, Segment segment) {
        QueryRunnerFactory<T, Query<T>> factory = factoryFor(query);
        if (factory == null) {
            throw new dev.tributary.bench.engine.UnsupportedQueryException(
                    "the bench wires no Druid runner for " + query.getClass().getSimpleName(), null);
        }
        QueryToolChest<T, Query<T>> toolChest = factory.getToolchest();
        QueryRunner<T> perSegment = toolChest.preMergeQueryDecoration(factory.createRunner(segment));
        QueryRunner<T> merged = toolChest.mergeResults(
                factory.mergeRunners(DirectQueryProcessingPool.INSTANCE, List.of(perSegment)));
        return new Prepared<>(query, new FinalizeResultsQueryRunner<>(merged, toolChest));
    }

    @SuppressWarnings("unchecked")
    private <T> QueryRunnerFactory<T, Query<T>> factoryFor(Query<T> query) {
        return (QueryRunnerFactory<T, Query<T>>) factories.get(query.getClass());
    }
}
