package dev.tributary.testing;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class the one S3-compatible server of this test JVM (S3Proxy over a temporary
 * directory), started by the first class that asks for it and closed when the whole test run ends.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final S3Extension S3 = new S3Extension();
 * }</pre>
 *
 * <p>The server checks AWS signatures (V2 and V4) against {@link #accessKey()} and {@link
 * #secretKey()}; any region is accepted. Clients must use path-style addressing, since the endpoint
 * is an IP address. Test classes share the server, so each should work in buckets of its own:
 * {@link #createBucket} returns a fresh name on every call.
 */
public final class S3Extension implements BeforeAllCallback {

    /** The region that clients may sign for; S3Proxy takes whatever region the signature names. */
    public static final String REGION = "us-east-1";

    private static final AtomicInteger BUCKET_COUNTER = new AtomicInteger();
    // The bucket name rules of S3, less the suffix this class appends (a dash and a number).
    private static final Pattern BUCKET_PREFIX = Pattern.compile("[a-z0-9][a-z0-9-]{0,50}");

    private volatile S3Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = SharedResources.getOrStart(context, S3Server.class, S3Server::start);
    }

    /** The endpoint for S3 clients, e.g. {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        return server().endpoint();
    }

    public String accessKey() {
        return S3Server.ACCESS_KEY;
    }

    public String secretKey() {
        return S3Server.SECRET_KEY;
    }

    /**
     * Creates a bucket named {@code prefix} plus a suffix unique in this JVM and returns its name.
     *
     * @param prefix lowercase letters, digits and dashes, starting with a letter or digit
     */
    public String createBucket(String prefix) {
        if (!BUCKET_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Not a valid S3 bucket name prefix: " + prefix);
        }
        String name = prefix + "-" + BUCKET_COUNTER.incrementAndGet();
        server().createBucket(name);
        return name;
    }

    private S3Server server() {
        return Objects.requireNonNull(server,
                "S3 is started in beforeAll: register S3Extension on a static field");
    }
}
