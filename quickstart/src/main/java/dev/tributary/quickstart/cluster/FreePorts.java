package dev.tributary.quickstart.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Ports on 127.0.0.1. */
final class FreePorts {
    private FreePorts() {
    }

    /**
     * A port nothing listens on now. Another process could take it before the cluster's process binds it;
     * that process then fails to start, with a clear message in its log.
     */
    static int pick() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LocalCluster.HOST), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port: " + e.getMessage(), e);
        }
    }

    /** Whether something accepts connections on the port. */
    static boolean accepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LocalCluster.HOST, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
