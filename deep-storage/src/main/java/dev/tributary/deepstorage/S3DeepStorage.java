package dev.tributary.deepstorage;

import dev.tributary.core.io.FileTrees;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deep storage in an S3 bucket (or an S3-compatible store), with {@code s3://bucket/key/}
 * locations. S3 has no rename, so a segment is published by its {@link #COMPLETE_MARKER} object,
 * uploaded after every file: a push first deletes an existing marker (the old segment stops being
 * visible), uploads the files, deletes objects the new segment no longer has and writes the marker.
 * A pull reads the marker, downloads the files it lists, checks their checksums, and reads the
 * marker again, so a replace that raced with it is reported (retriable) instead of mixing files.
 *
 * <p>Transient failures are retried by the SDK's standard retry strategy; what still fails is a
 * {@link DeepStorageException} whose {@link DeepStorageException#isRetriable()} tells network and
 * server errors apart from refusals. Thread-safe: the S3 client is.
 */
public final class S3DeepStorage implements DeepStorage, AutoCloseable {

    private final S3DeepStorageConfig config;
    private final S3Client client;

    public S3DeepStorage(S3DeepStorageConfig config) {
        this.config = config;
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyleAccess());
        if (config.endpointOverride() != null) {
            builder.endpointOverride(config.endpointOverride());
        }
        if (config.accessKey() != null) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKey(), config.secretKey())));
        }
        this.client = builder.build();
    }

    @Override
    public URI push(Path segmentDirectory, SegmentKey key) {
        String prefix = config.prefix() + key.relativePath();
        URI location = locationOf(prefix);
        SegmentManifest manifest = SegmentManifest.of(segmentDirectory);
        try {
            if (manifest.equals(storedManifest(prefix))) {
                return location;
            }
            client.deleteObject(b -> b.bucket(config.bucket()).key(prefix + COMPLETE_MARKER));
            Set<String> keys = new HashSet<>();
            for (SegmentManifest.Entry entry : manifest.entries()) {
                String objectKey = prefix + entry.relativePath();
                keys.add(objectKey);
                client.putObject(b -> b.bucket(config.bucket()).key(objectKey),
                        RequestBody.fromFile(segmentDirectory.resolve(entry.relativePath())));
            }
            deleteAll(listKeys(prefix).stream().filter(k -> !keys.contains(k)).toList());
            client.putObject(b -> b.bucket(config.bucket()).key(prefix + COMPLETE_MARKER),
                    RequestBody.fromBytes(manifest.bytes()));
            return location;
        } catch (SdkException e) {
            throw failure("Could not push segment " + key.relativePath() + " to " + location, e);
        }
    }

    @Override
    public void pull(URI location, Path targetDirectory) {
        String prefix = resolve(location);
        SegmentManifest manifest;
        try {
            manifest = storedManifest(prefix);
        } catch (SdkException e) {
            throw failure("Could not read segment marker at " + location, e);
        }
        if (manifest == null) {
            throw new SegmentNotFoundException("No complete segment at " + location
                    + " (missing " + COMPLETE_MARKER + ")");
        }
        Path target = targetDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target.getParent());
            Files.createDirectory(target);
        } catch (FileAlreadyExistsException e) {
            throw new DeepStorageException("Pull target already exists: " + targetDirectory, e, false);
        } catch (IOException e) {
            throw new DeepStorageException("Could not create pull target " + targetDirectory, e, true);
        }
        try {
            for (SegmentManifest.Entry entry : manifest.entries()) {
                Path file = target.resolve(entry.relativePath()).normalize();
                if (!file.startsWith(target) || file.equals(target)) {
                    throw new LocationOutsideBaseException("Segment file '" + entry.relativePath()
                            + "' at " + location + " would be written outside " + target);
                }
                Files.createDirectories(file.getParent());
                client.getObject(b -> b.bucket(config.bucket()).key(prefix + entry.relativePath()), file);
            }
            manifest.verify(target, location.toString());
            if (!manifest.equals(storedManifest(prefix))) {
                throw new DeepStorageException("Segment at " + location
                        + " was replaced or killed while it was pulled", true);
            }
        } catch (NoSuchKeyException e) {
            deleteQuietly(target);
            throw new SegmentNotFoundException("Segment at " + location + " went away while it was pulled");
        } catch (SdkException e) {
            deleteQuietly(target);
            throw failure("Could not pull segment " + location, e);
        } catch (IOException e) {
            deleteQuietly(target);
            throw new DeepStorageException("Could not pull segment " + location, e, true);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
    }

    @Override
    public void kill(URI location) {
        String prefix = resolve(location);
        try {
            // The marker goes first so that no reader starts on a segment being deleted.
            client.deleteObject(b -> b.bucket(config.bucket()).key(prefix + COMPLETE_MARKER));
            deleteAll(listKeys(prefix));
        } catch (SdkException e) {
            throw failure("Could not kill segment " + location, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /** The key prefix of the segment at {@code location}, checked to be a segment under the base. */
    private String resolve(URI location) {
        if (!"s3".equals(location.getScheme()) || !config.bucket().equals(location.getAuthority())) {
            throw new LocationOutsideBaseException("'" + location + "' is not in the deep storage bucket s3://"
                    + config.bucket() + "/" + config.prefix());
        }
        String path = location.getPath();
        String key = path == null || path.isEmpty() ? "" : path.substring(1);
        if (!key.startsWith(config.prefix())) {
            throw new LocationOutsideBaseException("'" + location + "' is outside the deep storage base s3://"
                    + config.bucket() + "/" + config.prefix());
        }
        // S3 keys are not normalized by the server, so "a/../b" is refused rather than interpreted:
        // the rest must be exactly a segment path.
        SegmentKey segment = SegmentKey.fromRelativePath(key.substring(config.prefix().length()));
        return config.prefix() + segment.relativePath();
    }

    private URI locationOf(String prefix) {
        try {
            return new URI("s3", config.bucket(), "/" + prefix, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private SegmentManifest storedManifest(String prefix) {
        try {
            return SegmentManifest.parse(client.getObjectAsBytes(
                    b -> b.bucket(config.bucket()).key(prefix + COMPLETE_MARKER))
                    .asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    private List<String> listKeys(String prefix) {
        List<String> keys = new ArrayList<>();
        for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(prefix)).contents()) {
            keys.add(object.key());
        }
        return keys;
    }

    private void deleteAll(List<String> keys) {
        for (int from = 0; from < keys.size(); from += 1000) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + 1000)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            var response = client.deleteObjects(b -> b.bucket(config.bucket()).delete(d -> d.objects(batch).quiet(true)));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                throw new DeepStorageException("Could not delete " + response.errors().size()
                        + " objects, first " + response.errors().get(0).key() + ": "
                        + response.errors().get(0).message(), true);
            }
        }
    }

    private static DeepStorageException failure(String message, SdkException e) {
        boolean retriable = e instanceof SdkClientException
                || (e instanceof S3Exception s3 && (s3.statusCode() >= 500 || s3.statusCode() == 429));
        return new DeepStorageException(message + ": " + e.getMessage(), e, retriable);
    }

    private static void deleteQuietly(Path root) {
        try {
            FileTrees.deleteRecursively(root);
        } catch (IOException e) {
            // Best effort after a failure that is already being reported.
        }
    }

    @Override
    public String toString() {
        return "S3DeepStorage[" + config + "]";
    }
}
