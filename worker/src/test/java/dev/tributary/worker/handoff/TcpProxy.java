package dev.tributary.worker.handoff;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder in front of a real server, which a test can take down (every connection cut, new
 * ones refused) and bring back on the same port: how a test stops "the database" that a shared
 * PostgreSQL serves without stopping that server for everyone else.
 */
final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile byte[] outageMarker;
    private volatile long outageMillis;
    private final java.util.concurrent.atomic.AtomicInteger outagesLeft = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger outages = new java.util.concurrent.atomic.AtomicInteger();

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        serve(first);
    }

    int port() {
        return port;
    }

    /** Cuts every connection and refuses new ones until {@link #start}. */
    synchronized void stop() throws IOException {
        ServerSocket current = server;
        server = null;
        if (current != null) {
            current.close();
        }
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /**
     * The next {@code times} times a client sends bytes containing {@code marker} (a statement's text,
     * say), those bytes reach the server and then the proxy goes down for {@code millis}: the client
     * cannot tell whether its statement took effect, and cannot reconnect for a while.
     */
    void outageAfterClientSends(String marker, long millis, int times) {
        outageMillis = millis;
        outagesLeft.set(times);
        outageMarker = marker.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** How many outages {@link #outageAfterClientSends} caused. */
    int outages() {
        return outages.get();
    }

    private void checkOutage(byte[] buffer, int length) {
        byte[] marker = outageMarker;
        if (marker == null || !contains(buffer, length, marker) || outagesLeft.getAndDecrement() <= 0) {
            return;
        }
        outages.incrementAndGet();
        Thread outage = new Thread(() -> {
            try {
                stop();
                Thread.sleep(outageMillis); // the outage itself, not a wait for anything
                start();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "tcp-proxy-outage");
        outage.setDaemon(true);
        outage.start();
    }

    private static boolean contains(byte[] buffer, int length, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (buffer[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Accepts connections again, on the same port. */
    synchronized void start() throws IOException {
        if (server == null) {
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            serve(again);
        }
    }

    private void serve(ServerSocket socket) {
        server = socket;
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    open.add(client);
                    open.add(upstream);
                    pipe(client, upstream, true);
                    pipe(upstream, client, false);
                } catch (IOException e) {
                    // closed by stop(), or the target refused: the client sees its connection end
                }
            }
        }, "tcp-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pipe(Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                    if (fromClient) {
                        checkOutage(buffer, n);
                    }
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "tcp-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
