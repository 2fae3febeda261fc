package dev.tributary.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.tributary.embedded.TempDirectories;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/** An S3Proxy server on a free port of 127.0.0.1 that keeps its buckets in a temporary directory. */
final class S3Server implements AutoCloseable {

    static final String ACCESS_KEY = "tributary-test-access-key";
    static final String SECRET_KEY = "tributary-test-secret-key";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final Path directory;
    private final URI endpoint;

    private S3Server(S3Proxy proxy, BlobStore blobStore, Path directory) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.directory = directory;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    static S3Server start() {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("tributary-s3-");
            BlobStore blobStore = new FilesystemNio2BlobStore(directory.toString());
            // Real signatures, as on AWS: a client that signs wrongly fails here, not in production.
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(blobStore)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            Awaitility.await("S3Proxy to start").atMost(STARTUP_TIMEOUT)
                    .until(() -> "STARTED".equals(proxy.getState()));
            return new S3Server(proxy, blobStore, directory);
        } catch (Exception e) {
            IllegalStateException failure = new IllegalStateException("Could not start the test S3 server", e);
            if (directory != null) {
                try {
                    TempDirectories.deleteRecursively(directory);
                } catch (IOException suppressed) {
                    failure.addSuppressed(suppressed);
                }
            }
            throw failure;
        }
    }

    URI endpoint() {
        return endpoint;
    }

    void createBucket(String name) {
        blobStore.createContainer(name);
    }

    @Override
    public void close() throws IOException {
        try {
            proxy.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the test S3 server at " + endpoint, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the test S3 server at " + endpoint, e);
        } finally {
            blobStore.close();
            TempDirectories.deleteRecursively(directory);
        }
    }
}
