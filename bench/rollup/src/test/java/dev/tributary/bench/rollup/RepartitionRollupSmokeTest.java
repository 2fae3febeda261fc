package dev.tributary.bench.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.KafkaBrokerExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement on a few events. Through the job every rollup key reaches one worker, so the three
 * workers hold exactly the rows one index of all events holds; unkeyed, they can only hold as many or
 * more. Both follow from placement alone, so they hold on every run; the ratios belong in BENCHMARKS.md.
 */
class RepartitionRollupSmokeTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path work;

    @Test
    void shouldGiveThreeRepartitionedWorkersTheRowsOfOneIndexAndUnkeyedOnesAtLeastAsMany() throws Exception {
        List<byte[]> events = ClickstreamEvents.generate(20_000, 30 * 60_000L, 7);

        RepartitionRollup.Report report = RepartitionRollup.measure(KAFKA.bootstrapServers(), KAFKA::createTopic, events, 3, work);

        for (RepartitionRollup.Run run : report.runs()) {
            assertThat(run.processed()).as("%s: events processed", run.mode()).isEqualTo(events.size());
            assertThat(run.rowsPersisted()).as("%s: rows persisted (not counted in memory)", run.mode()).isZero();
        }
        assertThat(report.repartitioned().rows()).isEqualTo(report.singleIndexRows());
        assertThat(report.unkeyed()).allSatisfy(run -> assertThat(run.rows()).isGreaterThanOrEqualTo(report.repartitioned().rows()));
    }
}
