package dev.tributary.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to a node's HTTP API the way a user's tools do: JSON over plain HTTP. */
public final class NodeClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public NodeClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The HTTP status, parsed JSON body (null when empty) and headers of a response. */
    public record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {
    }

    public Response query(String json) {
        return send(HttpRequest.newBuilder(URI.create(base + "/druid/v2"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A query answered from the node's own segments only (no fan-out to the cluster). */
    public Response queryLocal(String json) {
        return send(HttpRequest.newBuilder(URI.create(base + "/druid/v2"))
                .header("content-type", "application/json")
                .header("X-Tributary-Local", "true")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : MAPPER.readTree(response.body());
            return new Response(response.statusCode(), body, response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
