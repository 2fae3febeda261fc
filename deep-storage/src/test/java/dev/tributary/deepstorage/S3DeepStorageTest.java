package dev.tributary.deepstorage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import dev.tributary.testing.S3Extension;

class S3DeepStorageTest extends DeepStorageContractTest {

    @RegisterExtension
    static final S3Extension S3 = new S3Extension();

    S3DeepStorageConfig config;

    @Override
    DeepStorage newStorage() {
        config = new S3DeepStorageConfig(S3.createBucket("deep-storage"), "druid/segments",
                S3.endpoint(), S3Extension.REGION, true, S3.accessKey(), S3.secretKey());
        return new S3DeepStorage(config);
    }

    @AfterEach
    void closeStorage() {
        ((S3DeepStorage) storage).close();
    }

    @Override
    void storeFilesWithoutMarker(Path segmentDirectory, SegmentKey key) throws IOException {
        try (S3Client client = rawClient(); var files = Files.list(segmentDirectory)) {
            for (Path file : files.toList()) {
                client.putObject(b -> b.bucket(config.bucket())
                        .key(config.prefix() + key.relativePath() + file.getFileName()), RequestBody.fromFile(file));
            }
        }
    }

    @Override
    List<URI> locationsOutsideBase() {
        String bucket = config.bucket();
        return List.of(
                URI.create("s3://" + bucket + "/druid/segments/../../etc/" + KEY.relativePath()),
                URI.create("s3://" + bucket + "/druid/segments/wikipedia/../../../etc"),
                URI.create("s3://" + bucket + "/druid/segments/"), // the whole base is not a segment
                URI.create("s3://" + bucket + "/druid/segments/wikipedia/"), // nor is a dataSource
                URI.create("s3://" + bucket + "/other/" + KEY.relativePath()),
                URI.create("s3://another-bucket/druid/segments/" + KEY.relativePath()),
                URI.create("file:///etc/passwd"));
    }

    @Test
    void shouldLayOutSegmentsUnderThePrefixWithTheMarkerWrittenLast() throws IOException {
        URI location = storage.push(segment("a", Map.of("data", "x")), KEY);

        assertThat(location).isEqualTo(URI.create("s3://" + config.bucket()
                + "/druid/segments/wikipedia/2026-01-01T00:00:00.000Z_2026-01-02T00:00:00.000Z/2026-01-03T10:00:00.000Z/3/"));
        try (S3Client client = rawClient()) {
            assertThat(client.listObjectsV2(b -> b.bucket(config.bucket())).contents())
                    .extracting(o -> o.key().substring(("druid/segments/" + KEY.relativePath()).length()))
                    .containsExactlyInAnyOrder("data", DeepStorage.COMPLETE_MARKER);
        }
    }

    @Test
    void shouldDeleteObjectsTheReplacingSegmentNoLongerHas() throws IOException {
        storage.push(segment("old", Map.of("data", "old", "stale", "gone after replace")), KEY);

        storage.push(segment("new", Map.of("data", "new")), KEY);

        try (S3Client client = rawClient()) {
            assertThat(client.listObjectsV2(b -> b.bucket(config.bucket())).contents())
                    .extracting(o -> o.key().substring(("druid/segments/" + KEY.relativePath()).length()))
                    .containsExactlyInAnyOrder("data", DeepStorage.COMPLETE_MARKER);
        }
    }

    @Test
    void shouldMaskTheSecretKeyInToString() {
        assertThat(config.toString()).doesNotContain(S3.secretKey()).contains("secretKey=****");
        assertThat(storage.toString()).doesNotContain(S3.secretKey());
    }

    private S3Client rawClient() {
        return S3Client.builder().endpointOverride(S3.endpoint()).region(Region.of(S3Extension.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3.accessKey(), S3.secretKey())))
                .forcePathStyle(true).build();
    }
}
