package dev.tributary.bench.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.bench.engine.EngineIndex;
import dev.tributary.bench.engine.PreparedQuery;
import dev.tributary.bench.engine.ResultsComparison;
import dev.tributary.bench.workload.BenchQueries.BenchQuery;
import dev.tributary.bench.workload.KafkaLikeWorkload;
import dev.tributary.bench.workload.Workload;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Druid's side of the segment benchmarks, end to end on a small workload: what it persists, loads,
 * answers and merges is what it was given. Times nothing. Needs the --add-opens flags (bench/pom.xml's
 * surefire argLine).
 */
class DruidSegmentSmokeTest {
    private static final int EVENTS = 3000;
    private static final int HYDRANT_ROWS = 500;

    private final Workload workload = KafkaLikeWorkload.generate(EVENTS);
    private final DruidSegmentEngine druid = new DruidSegmentEngine(workload.dataSchemaJson(), EVENTS);

    @TempDir
    Path work;

    @Test
    void shouldLoadAPersistedSegmentThatHoldsTheIndexRowsAndAnswersEveryQueryAsTheIndexDid() {
        EngineIndex live = druid.engine().newIndex();
        workload.events().forEach(event -> live.add(druid.engine().parse(event)));

        WrittenSegment written = druid.persist(live, work.resolve("segment"));

        assertThat(written.rows()).isPositive().isEqualTo(live.rowCount());
        assertThat(written.bytes()).isPositive();
        try (LoadedSegment segment = druid.load(work.resolve("segment"))) {
            assertThat(segment.rowCount()).isEqualTo(live.rowCount());
            assertThat(Totals.of(segment).events()).isEqualTo(EVENTS);
            for (BenchQuery query : SegmentComparison.QUERIES) {
                assertThat(ResultsComparison.difference(answer(live.prepare(query.json())), answer(segment.prepare(query.json()))))
                        .as(query.name()).isNull();
            }
        }
    }

    @Test
    void shouldMergeThreeHydrantsIntoOneSegmentWhoseTotalsAreThePiecesPutTogether() {
        List<Path> hydrants = Hydrants.persist(druid, workload.events(), HYDRANT_ROWS, 3, work.resolve("hydrants"));
        assertThat(hydrants).hasSize(3);
        Totals pieces = new Totals(0, 0, 0, 0);
        for (Path hydrant : hydrants) {
            try (LoadedSegment segment = druid.load(hydrant)) {
                assertThat(segment.rowCount()).isEqualTo(HYDRANT_ROWS);
                pieces = pieces.plus(Totals.of(segment));
            }
        }

        WrittenSegment merged = druid.merge(hydrants, work.resolve("merged"));

        try (LoadedSegment segment = druid.load(work.resolve("merged"))) {
            Totals totals = Totals.of(segment);
            assertThat(totals.events()).isEqualTo(pieces.events());
            assertThat(totals.bytes()).isEqualTo(pieces.bytes());
            assertThat(totals.sameSums(pieces)).as("%s against the pieces' %s", totals, pieces).isTrue();
            assertThat(segment.rowCount()).isEqualTo(merged.rows()).isPositive().isLessThanOrEqualTo(3 * HYDRANT_ROWS);
        }
    }

    @Test
    void shouldRunTheWholeComparisonOnASmallWorkloadAndFindNoDisagreement() {
        SegmentOptions tiny = new SegmentOptions(EVENTS, HYDRANT_ROWS, 3, 0, 1, 0, 1, 0, 1, work);

        SegmentComparison.Results results = SegmentComparison.run(tiny, new PrintStream(OutputStream.nullOutputStream()));

        assertThat(results.problems()).isEmpty();
        assertThat(results.merge().problems()).isEmpty();
        assertThat(results.queries()).hasSize(SegmentComparison.QUERIES.size());
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        SegmentReport.print(new PrintStream(report, true, StandardCharsets.UTF_8), tiny, results);
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("### Persist", "### Queries", "### Merge")
                .doesNotContain("WARNING");
    }

    private static String answer(PreparedQuery query) {
        return query.toJson(query.run());
    }
}
