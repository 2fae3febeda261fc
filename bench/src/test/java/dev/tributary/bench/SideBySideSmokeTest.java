package dev.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.bench.engine.EngineIndex;
import dev.tributary.bench.engine.PreparedQuery;
import dev.tributary.bench.engine.ResultsComparison;
import dev.tributary.bench.engine.UnsupportedQueryException;
import dev.tributary.bench.workload.BasicWorkload;
import dev.tributary.bench.workload.BenchQueries;
import dev.tributary.bench.workload.KafkaLikeWorkload;
import dev.tributary.bench.workload.Workload;
import org.junit.jupiter.api.Test;

/** The side-by-side compares like with like: the same events make the same index on both sides. Times nothing. */
class SideBySideSmokeTest {
    private static final int EVENTS = 1000;

    @Test
    void shouldBuildIndexesWithTheSameRowCountAndTotalsFromTheSameKafkaLikeEvents() {
        Workload workload = KafkaLikeWorkload.generate(EVENTS);
        Sides sides = Sides.forWorkload(workload);

        EngineIndex druid = Sides.buildFromJson(sides.druid(), workload.events());
        EngineIndex tributary = Sides.buildFromJson(sides.tributary(), workload.events());

        assertThat(druid.rowCount()).isPositive().isEqualTo(tributary.rowCount());
        PreparedQuery druidTotals = druid.prepare(BenchQueries.TOTALS.json());
        PreparedQuery tributaryTotals = tributary.prepare(BenchQueries.TOTALS.json());
        String druidJson = druidTotals.toJson(druidTotals.run());
        assertThat(druidJson).contains("\"events\":" + EVENTS);
        assertThat(ResultsComparison.difference(druidJson, tributaryTotals.toJson(tributaryTotals.run()))).isNull();
    }

    @Test
    void shouldAnswerEveryBenchQueryThatBothSidesRunWithTheSameResults() {
        Workload workload = KafkaLikeWorkload.generate(EVENTS);
        Sides sides = Sides.forWorkload(workload);
        EngineIndex druid = Sides.buildFromJson(sides.druid(), workload.events());
        EngineIndex tributary = Sides.buildFromJson(sides.tributary(), workload.events());

        for (BenchQueries.BenchQuery query : BenchQueries.ALL) {
            PreparedQuery onDruid = druid.prepare(query.json());
            PreparedQuery onTributary;
            try {
                onTributary = tributary.prepare(query.json());
            } catch (UnsupportedQueryException e) {
                continue; // reported as unsupported by the side-by-side, not compared
            }
            assertThat(ResultsComparison.difference(onDruid.toJson(onDruid.run()), onTributary.toJson(onTributary.run())))
                    .as(query.name()).isNull();
        }
    }

    @Test
    void shouldBuildIndexesWithTheSameRowCountFromDruidsBasicSchemaEvents() {
        Workload workload = BasicWorkload.generate(EVENTS);
        Sides sides = Sides.forWorkload(workload);

        EngineIndex druid = Sides.buildFromParsed(sides.druid(), Sides.parseAll(sides.druid(), workload.events()));
        EngineIndex tributary = Sides.buildFromJson(sides.tributary(), workload.events());

        assertThat(druid.rowCount()).isPositive().isEqualTo(tributary.rowCount());
    }

    @Test
    void shouldGenerateByteIdenticalEventsFromTheSameSeed() {
        Workload first = KafkaLikeWorkload.generate(100, 7);
        Workload again = KafkaLikeWorkload.generate(100, 7);

        for (int i = 0; i < 100; i++) {
            assertThat(again.events().get(i)).isEqualTo(first.events().get(i));
        }
    }
}
