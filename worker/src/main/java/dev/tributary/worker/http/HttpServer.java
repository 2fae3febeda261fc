package dev.tributary.worker.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tributary.core.Json;
import dev.tributary.core.query.QueryException;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.metrics.NodeMetrics;
import dev.tributary.worker.query.QueryRouter;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's HTTP API (Javalin): {@code POST /druid/v2}, {@code DELETE /druid/v2/{queryId}}, {@code GET /status},
 * {@code GET /status/health}, {@code GET /status/ingestion} and {@code GET /metrics} (Prometheus text format).
 * Every error leaves through one mapping that writes Druid's error JSON; nothing here prints a stack trace to a
 * client. Requests run on Jetty's threads.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin app;
    /** Metrics this server made for itself and closes; null when the assembly owns them. */
    private final NodeMetrics ownMetrics;

    private HttpServer(Javalin app, NodeMetrics ownMetrics) {
        this.app = app;
        this.ownMetrics = ownMetrics;
    }

    /** Starts serving, with metrics of its own (its queries and the JVM's): for tests and embedders. */
    public static HttpServer start(NodeConfig config, QueryRouter queries, Supplier<Map<String, Object>> ingestionStatus) {
        NodeMetrics metrics = new NodeMetrics();
        try {
            return serve(config, queries, ingestionStatus, metrics, metrics);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
    }

    /**
     * Starts serving.
     *
     * @param ingestionStatus what {@code GET /status/ingestion} shows; called on request threads
     * @param metrics         the node's meters, which {@code GET /metrics} shows; this server adds its query meters
     */
    public static HttpServer start(NodeConfig config, QueryRouter queries, Supplier<Map<String, Object>> ingestionStatus,
            NodeMetrics metrics) {
        return serve(config, queries, ingestionStatus, metrics, null);
    }

    private static HttpServer serve(NodeConfig config, QueryRouter queries, Supplier<Map<String, Object>> ingestionStatus,
            NodeMetrics metrics, NodeMetrics ownMetrics) {
        QueryResource queryResource = new QueryResource(queries, config.queryTimeoutMillis(), new QueryMetrics(metrics.registry()));
        Javalin app = Javalin.create(cfg -> {
            cfg.http.maxRequestSize = config.maxRequestBytes();
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = config.bindHost();
            cfg.jetty.port = config.port();
            cfg.routes.get("/status", ctx -> json(ctx, 200, StatusResource.status()));
            cfg.routes.get("/status/health", ctx -> json(ctx, 200, true));
            cfg.routes.get("/status/ingestion", ctx -> json(ctx, 200, ingestionStatus.get()));
            cfg.routes.get("/metrics", ctx -> ctx.status(200).contentType(NodeMetrics.CONTENT_TYPE).result(metrics.scrape()));
            cfg.routes.post("/druid/v2", ctx -> query(ctx, queryResource));
            cfg.routes.post("/druid/v2/", ctx -> query(ctx, queryResource));
            cfg.routes.delete("/druid/v2/{queryId}", ctx -> {
                boolean found = queryResource.cancel(ctx.pathParam("queryId"));
                ctx.status(found ? 202 : 404);
            });
            cfg.routes.exception(QueryException.class, (e, ctx) ->
                    error(ctx, e.httpStatus(), new DruidError(e.errorCode(), e.getMessage(), e.errorClass(), null)));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) ->
                    error(ctx, e.getStatus(), new DruidError("Unknown exception", e.getMessage(), e.getClass().getName(), null)));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, new DruidError("Unknown exception", String.valueOf(e.getMessage()), e.getClass().getName(), null));
            });
            cfg.routes.error(404, "*", ctx -> {
                if (ctx.result() == null) {
                    error(ctx, 404, new DruidError("Unknown exception", "no such resource: " + ctx.method() + " " + ctx.path(),
                            "javax.ws.rs.NotFoundException", null));
                }
            });
        });
        app.start();
        LOG.info("HTTP server listening on {}:{}", config.bindHost(), app.port());
        return new HttpServer(app, ownMetrics);
    }

    /** The port actually bound (useful when the config asked for 0). */
    public int port() {
        return app.port();
    }

    private static void query(Context ctx, QueryResource resource) throws JsonProcessingException {
        byte[] body;
        try {
            body = ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            resource.refused(e.getStatus()); // past tributary.http.maxRequestBytes
            throw e;
        }
        QueryResource.Answer answer = resource.run(body, "true".equalsIgnoreCase(ctx.header(QueryRouter.LOCAL_HEADER)));
        ctx.header("X-Druid-Query-Id", answer.queryId());
        if (!answer.missing().isEmpty()) {
            ctx.header(QueryRouter.MISSING_HEADER, String.join(",", answer.missing()));
        }
        json(ctx, 200, answer.rows());
    }

    private static void json(Context ctx, int status, Object body) throws JsonProcessingException {
        ctx.status(status).contentType("application/json").result(Json.mapper().writeValueAsBytes(body));
    }

    private static void error(Context ctx, int status, DruidError error) {
        try {
            json(ctx, status, error.toJson());
        } catch (JsonProcessingException e) {
            ctx.status(500).result("{\"error\":\"Unknown exception\"}");
        }
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            if (ownMetrics != null) {
                ownMetrics.close();
            }
        }
    }
}
