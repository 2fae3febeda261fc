package dev.tributary.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds a TCP port on the loopback interface that is free right now. */
final class FreePort {

    private FreePort() {
    }

    /**
     * Returns a port that was free a moment ago. Another process may take it before the caller
     * binds it; for a broker started in tests and the quickstart that window is acceptable.
     */
    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Without SO_REUSEADDR the port could linger in TIME_WAIT and the broker's bind fail.
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on 127.0.0.1", e);
        }
    }
}
