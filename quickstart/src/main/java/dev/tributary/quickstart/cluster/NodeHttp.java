package dev.tributary.quickstart.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A node's HTTP API, as the cluster command reads it: health and {@code /status/ingestion}. */
final class NodeHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private NodeHttp() {
    }

    static boolean healthy(int port) {
        return get(port, "/status/health").isPresent();
    }

    /** {@code GET /status/ingestion}, or empty if the node does not answer. */
    static Optional<JsonNode> ingestion(int port) {
        return get(port, "/status/ingestion");
    }

    private static Optional<JsonNode> get(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + LocalCluster.HOST + ":" + port + path))
                .timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(MAPPER.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
