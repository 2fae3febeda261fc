package dev.tributary.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.deepstorage.DeepStorage;
import dev.tributary.deepstorage.LocalDeepStorage;
import dev.tributary.deepstorage.S3DeepStorage;
import dev.tributary.deepstorage.SegmentKey;
import dev.tributary.testing.S3Extension;
import dev.tributary.worker.config.DeepStorageConfig.StorageType;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** runtime.properties to deep storage: defaults, S3 keys, refusals that name the key, no secret shown, open() works. */
class DeepStorageConfigTest {

    @RegisterExtension
    static final S3Extension S3 = new S3Extension();

    private static final SegmentKey KEY = new SegmentKey("wikipedia", "2026-01-01T00:00:00.000Z",
            "2026-01-02T00:00:00.000Z", "2026-01-03T10:00:00.000Z", 0);
    private static final String SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCY";

    @TempDir
    Path tmp;

    private static Properties props(String... keysAndValues) {
        Properties props = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    @Test
    void shouldDefaultToLocalStorageUnderVarTributarySegments() {
        DeepStorageConfig config = DeepStorageConfig.defaults();

        assertThat(config.type()).isEqualTo(StorageType.LOCAL);
        assertThat(config.storageDirectory()).isEqualTo(Path.of("var/tributary/segments"));
        assertThat(config.loadSpecType()).isEqualTo("local");
        assertThat(config.bucket()).isNull();
        assertThat(config.secretKey()).isNull();
    }

    @Test
    void shouldReadEveryS3Key() {
        DeepStorageConfig config = DeepStorageConfig.from(props(
                "tributary.storage.type", "s3",
                "tributary.storage.bucket", "druid-segments",
                "tributary.storage.baseKey", "prod/segments",
                "tributary.storage.s3.endpoint", "http://minio:9000",
                "tributary.storage.s3.region", "eu-west-1",
                "tributary.storage.s3.pathStyleAccess", "TRUE",
                "tributary.storage.s3.accessKey", "AKIAEXAMPLE",
                "tributary.storage.s3.secretKey", SECRET));

        assertThat(config).isEqualTo(new DeepStorageConfig(StorageType.S3, Path.of("var/tributary/segments"),
                "druid-segments", "prod/segments", URI.create("http://minio:9000"), "eu-west-1", true,
                "AKIAEXAMPLE", SECRET));
        assertThat(config.loadSpecType()).isEqualTo("s3");
    }

    @Test
    void shouldDefaultTheS3KeysThatHaveDefaults() {
        DeepStorageConfig config = DeepStorageConfig.from(props(
                "tributary.storage.type", "s3", "tributary.storage.bucket", "segments"));

        assertThat(config.baseKey()).isEmpty();
        assertThat(config.endpoint()).isNull();
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.pathStyleAccess()).isFalse();
        assertThat(config.accessKey()).isNull();
    }

    @Test
    void shouldReadTheKeysFromARuntimePropertiesFile() throws IOException {
        Path file = tmp.resolve("runtime.properties");
        Files.writeString(file, "tributary.http.port=9000\ntributary.storage.storageDirectory=/mnt/deep\n");

        assertThat(DeepStorageConfig.from(file).storageDirectory()).isEqualTo(Path.of("/mnt/deep"));
        assertThat(NodeConfig.from(file).port()).as("the node config leaves the storage keys to this one")
                .isEqualTo(9000);
    }

    @Test
    void shouldRefuseS3WithoutABucketNamingTheKey() {
        assertRefused(props("tributary.storage.type", "s3"),
                "'tributary.storage.bucket' is required when tributary.storage.type is s3");
    }

    @Test
    void shouldRefuseAnUnknownStorageKeyNamingIt() {
        assertRefused(props("tributary.storage.s3.bukcet", "segments"),
                "'tributary.storage.s3.bukcet' is not a known key");
    }

    @Test
    void shouldRefuseAKeyTheChosenTypeDoesNotUse() {
        assertRefused(props("tributary.storage.bucket", "segments"),
                "'tributary.storage.bucket' is only used when tributary.storage.type is s3, and it is local");
        assertRefused(props("tributary.storage.type", "s3", "tributary.storage.bucket", "segments",
                "tributary.storage.storageDirectory", "/mnt/deep"),
                "'tributary.storage.storageDirectory' is only used when tributary.storage.type is local, and it is s3");
    }

    @Test
    void shouldNameTheKeyOfEveryRefusedValue() {
        assertRefused(props("tributary.storage.type", "hdfs"),
                "'tributary.storage.type' 'hdfs' must be one of [local, s3]");
        assertRefused(s3("tributary.storage.bucket", "Not_A_Bucket"),
                "'tributary.storage.bucket' 'Not_A_Bucket' is not a valid S3 bucket name");
        assertRefused(s3("tributary.storage.baseKey", "druid/../etc"),
                "'tributary.storage.baseKey' 'druid/../etc' is not a valid S3 key prefix");
        assertRefused(s3("tributary.storage.baseKey", "/druid"),
                "'tributary.storage.baseKey' '/druid' is not a valid S3 key prefix");
        assertRefused(s3("tributary.storage.s3.endpoint", "minio:9000"),
                "'tributary.storage.s3.endpoint' 'minio:9000' must be an http or https URL with a host");
        assertRefused(s3("tributary.storage.s3.region", " "), "'tributary.storage.s3.region' must not be blank");
        assertRefused(s3("tributary.storage.s3.pathStyleAccess", "yes"),
                "'tributary.storage.s3.pathStyleAccess' 'yes' is not a valid Boolean");
        assertRefused(s3("tributary.storage.s3.accessKey", "AKIAEXAMPLE"),
                "'tributary.storage.s3.secretKey' is required when tributary.storage.s3.accessKey is set");
    }

    @Test
    void shouldAcceptTheBaseKeysS3DeepStorageAccepts() {
        for (String baseKey : new String[] {"", "/", "druid", "druid/segments/", "a..b/.hidden/x"}) {
            assertThat(DeepStorageConfig.from(s3("tributary.storage.baseKey", baseKey)).baseKey()).isEqualTo(baseKey);
        }
    }

    @Test
    void shouldNeverShowTheSecretKey() {
        DeepStorageConfig config = DeepStorageConfig.from(s3("tributary.storage.s3.accessKey", "AKIAEXAMPLE",
                "tributary.storage.s3.secretKey", SECRET));

        assertThat(config.toString()).doesNotContain(SECRET).contains("accessKey=AKIAEXAMPLE", "secretKey=****");
        assertThatThrownBy(() -> DeepStorageConfig.from(s3("tributary.storage.s3.secretKey", SECRET)))
                .hasMessageContaining("'tributary.storage.s3.accessKey' is required")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> DeepStorageConfig.from(props("tributary.storage.s3.secretKey", SECRET)))
                .hasMessageContaining("'tributary.storage.s3.secretKey' is only used")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void shouldRefuseCredentialsInTheEndpointWithoutEchoingThem() {
        assertThatThrownBy(() -> DeepStorageConfig.from(s3("tributary.storage.s3.endpoint",
                "http://admin:" + SECRET + "@minio:9000")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("'tributary.storage.s3.endpoint' must not contain user information")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void shouldOpenLocalStorageThatPushesAndPullsASegment() throws IOException {
        Path base = tmp.resolve("deep");
        DeepStorage storage = DeepStorageConfig.from(props(
                "tributary.storage.storageDirectory", base.toString())).open();

        assertThat(storage).isInstanceOf(LocalDeepStorage.class);
        assertRoundTrip(storage);
        assertThat(base.resolve(KEY.relativePath()).resolve("index.bin")).exists();
    }

    @Test
    void shouldOpenS3StorageThatPushesAndPullsASegment() throws IOException {
        DeepStorageConfig config = DeepStorageConfig.from(props(
                "tributary.storage.type", "s3",
                "tributary.storage.bucket", S3.createBucket("deep-storage-config"),
                "tributary.storage.baseKey", "druid/segments",
                "tributary.storage.s3.endpoint", S3.endpoint().toString(),
                "tributary.storage.s3.region", S3Extension.REGION,
                "tributary.storage.s3.pathStyleAccess", "true",
                "tributary.storage.s3.accessKey", S3.accessKey(),
                "tributary.storage.s3.secretKey", S3.secretKey()));

        try (S3DeepStorage storage = (S3DeepStorage) config.open()) {
            URI location = assertRoundTrip(storage);
            assertThat(location).hasToString("s3://" + config.bucket() + "/druid/segments/" + KEY.relativePath());
        }
    }

    private URI assertRoundTrip(DeepStorage storage) throws IOException {
        Path segment = Files.createDirectories(tmp.resolve("segment"));
        Files.writeString(segment.resolve("index.bin"), "rows");
        Files.writeString(segment.resolve("meta.json"), "{\"rows\":1}");

        URI location = storage.push(segment, KEY);
        Path pulled = tmp.resolve("pulled");
        storage.pull(location, pulled);

        assertThat(pulled.resolve("index.bin")).hasContent("rows");
        assertThat(pulled.resolve("meta.json")).hasContent("{\"rows\":1}");
        return location;
    }

    private static Properties s3(String... moreKeysAndValues) {
        Properties props = props(moreKeysAndValues);
        props.setProperty("tributary.storage.type", "s3");
        props.putIfAbsent("tributary.storage.bucket", "segments");
        return props;
    }

    private static void assertRefused(Properties props, String message) {
        assertThatThrownBy(() -> DeepStorageConfig.from(props)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(message);
    }
}
