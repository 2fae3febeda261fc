package dev.tributary.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The quickstart really runs: its printed query answers, and the answer grows as events arrive. */
class QuickstartTest {
    private static final String QUERY = """
            {"queryType":"timeseries","dataSource":"wikipedia","intervals":["1000/3000"],"granularity":"all",
             "aggregations":[{"type":"longSum","name":"edits","fieldName":"count"},{"type":"count","name":"rows"}]}""";

    private static long edits(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/druid/v2"))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(QUERY)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        return body.isEmpty() ? 0 : body.get(0).get("result").get("edits").asLong();
    }

    @Test
    void shouldServeGrowingResultsUntilEveryProducedEventIsCounted() throws Exception {
        int total = 4000;
        try (Quickstart quickstart = Quickstart.start(0, 1000, total, 2)) {
            int port = quickstart.port();
            long[] first = new long[1];
            await().atMost(Duration.ofSeconds(60)).until(() -> (first[0] = edits(port)) > 0);
            assertThat(first[0]).isLessThan(total);
            await().atMost(Duration.ofSeconds(60)).until(() -> edits(port) > first[0]);
            await().atMost(Duration.ofSeconds(60)).until(() -> edits(port) == total);
            assertThat(quickstart.eventsSent()).isEqualTo(total);
            assertThat(quickstart.server().node().metrics().unparseable()).isZero();
        }
    }

    @Test
    void shouldHandEachMinuteOffToTheHistoricalAndKeepTheTotalExact() throws Exception {
        int total = 3000;
        try (Quickstart quickstart = Quickstart.start(0, 1000, total, 2)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> edits(quickstart.port()) == total);
            // The minute of these events ends within 60 s; it hands off 10 s (the window) after.
            await().atMost(Duration.ofSeconds(120)).until(() -> !quickstart.historical().node().servedSegments().isEmpty()
                    && edits(quickstart.port()) == total && (Integer) quickstart.server().node().status().get("pendingHandoffs") == 0
                    && quickstart.historical().node().servedSegments().size() >= 1);
            assertThat(edits(quickstart.historicalPort())).as("through the historical").isEqualTo(total);
            assertThat(edits(quickstart.port())).as("through the realtime node").isEqualTo(total);
        }
    }

    @Test
    void shouldShipAValidBuiltInSpec() {
        var spec = dev.tributary.core.spec.SpecReader.read(Quickstart.builtInSpec().replace("${bootstrap}", "127.0.0.1:9092")
                .replace("${persist}", "/tmp/quickstart-spec-test"));
        assertThat(spec.dataSchema().dataSource()).isEqualTo(Quickstart.DATA_SOURCE);
        assertThat(spec.dataSchema().metricsSpec()).hasSize(4);
    }
}
