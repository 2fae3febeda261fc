package dev.tributary.worker.query;

import dev.tributary.core.query.QueryException;
import dev.tributary.worker.cluster.ServerInfo;

/** Another server failed to answer its part of a query; the client gets Druid's error JSON naming it. */
final class RemoteQueryException extends QueryException {
    RemoteQueryException(ServerInfo server, int status, String detail) {
        super("Unknown exception", 502, "server " + server.name() + " (" + server.role() + ") could not answer its part of "
                + "the query (HTTP " + status + "): " + detail, null);
    }
}
