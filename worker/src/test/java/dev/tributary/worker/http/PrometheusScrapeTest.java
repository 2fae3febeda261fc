package dev.tributary.worker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The scrape checker the metrics tests rely on accepts Prometheus text and nothing else. */
class PrometheusScrapeTest {
    private static final String GOOD = """
            # HELP tributary_commits_total Offset commits after persist
            # TYPE tributary_commits_total counter
            tributary_commits_total{dataSource="wiki"} 2.0
            # TYPE tributary_persist_seconds summary
            tributary_persist_seconds_count{dataSource="wiki"} 2
            tributary_persist_seconds_sum{dataSource="wiki"} 0.793
            # TYPE tributary_ingestion_partition_lag gauge
            tributary_ingestion_partition_lag{dataSource="wiki",partition="wiki-0"} NaN
            tributary_ingestion_partition_lag{dataSource="wiki",partition="wiki-1"} 1.5E3
            """;

    @Test
    void shouldReadSamplesByNameAndLabels() {
        PrometheusScrape scrape = PrometheusScrape.parse(GOOD);
        assertThat(scrape.value("tributary_commits_total", "dataSource", "wiki")).isEqualTo(2);
        assertThat(scrape.value("tributary_persist_seconds_sum")).isEqualTo(0.793);
        assertThat(scrape.value("tributary_ingestion_partition_lag", "partition", "wiki-1")).isEqualTo(1500);
        assertThat(scrape.find("tributary_ingestion_partition_lag", "dataSource", "wiki")).hasSize(2);
    }

    @Test
    void shouldRefuseWhatIsNotPrometheusText() {
        for (String bad : new String[] {
            "# TYPE x counter\nx{dataSource=wiki} 1\n",
            "# TYPE x counter\nx{dataSource=\"wiki\"}\n",
            "# TYPE x counter\nx 1 2 3\n",
            "# TYPE x-y gauge\nx-y 1\n",
            "untyped_sample 1\n",
            "// a comment\n",
        }) {
            assertThatThrownBy(() -> PrometheusScrape.parse(bad)).as(bad).isInstanceOf(AssertionError.class);
        }
    }
}
