package dev.tributary.worker.config;

import dev.tributary.deepstorage.DeepStorage;
import dev.tributary.deepstorage.LocalDeepStorage;
import dev.tributary.deepstorage.S3DeepStorage;
import dev.tributary.deepstorage.S3DeepStorageConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where handed-off segments are pushed, read from runtime.properties (the Druid
 * {@code druid.storage.*} keys, under {@code tributary.}). Every {@code tributary.storage.*} key must
 * be one of {@link #KEYS}, and a key the chosen type does not use is refused rather than ignored.
 *
 * <p>{@link #toString()} and every message built from this config leave the secret key out.
 *
 * @param type the kind of deep storage
 * @param storageDirectory the base directory of {@link StorageType#LOCAL} storage (relative paths
 *     resolve against the node's working directory)
 * @param bucket the S3 bucket; required for {@link StorageType#S3}, null otherwise
 * @param baseKey the S3 key prefix segments are laid out under; empty for the bucket root
 * @param endpoint the S3 endpoint of an S3-compatible store, or null for AWS
 * @param region the S3 signing region
 * @param pathStyleAccess whether the bucket goes in the URL path rather than the host name
 * @param accessKey the S3 access key id, or null for the AWS SDK's default credentials chain
 * @param secretKey the S3 secret key, given exactly when {@code accessKey} is
 */
public record DeepStorageConfig(StorageType type, Path storageDirectory, String bucket, String baseKey, URI endpoint,
        String region, boolean pathStyleAccess, String accessKey, String secretKey) {

    /** The deep storage kinds Tributary knows. */
    public enum StorageType implements ConfigChoice {
        /** A directory of this machine, or a file system mounted on every node (NFS and the like). */
        LOCAL("local"),
        /** An S3 bucket, or a bucket of an S3-compatible store such as MinIO. */
        S3("s3");

        private final String configName;

        StorageType(String configName) {
            this.configName = configName;
        }

        /** The value of {@code tributary.storage.type} that selects this kind. */
        @Override
        public String configName() {
            return configName;
        }
    }

    private static final String PREFIX = "tributary.storage.";
    // S3's bucket naming rules, as S3DeepStorageConfig applies them; checked here so the error names the key.
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    // '/'-separated elements, none empty, '.', '..' or holding a control character; trailing '/' optional.
    private static final Pattern KEY_PREFIX = Pattern.compile(
            "|/|(?:(?!\\.{1,2}(?:/|$))[^/\\p{Cc}]+/)*(?!\\.{1,2}(?:/|$))[^/\\p{Cc}]+/?");

    public static final ConfigKey<String> TYPE = ConfigKey.oneOf(PREFIX + "type", StorageType.LOCAL,
            StorageType.values(), "Where segments go at handoff: local (a directory) or s3 (a bucket).");
    public static final ConfigKey<Path> STORAGE_DIRECTORY = ConfigKey.path(PREFIX + "storageDirectory",
            Path.of("var", "tributary", "segments"),
            "The base directory of local deep storage; relative paths resolve against the working directory.");
    public static final ConfigKey<String> BUCKET = ConfigKey.matching(PREFIX + "bucket", null, BUCKET_NAME,
            "is not a valid S3 bucket name: 3 to 63 lowercase letters, digits, '.' or '-', "
                    + "starting and ending with a letter or digit",
            "The S3 bucket that holds the segments. Required for s3.");
    public static final ConfigKey<String> BASE_KEY = ConfigKey.matching(PREFIX + "baseKey", "", KEY_PREFIX,
            "is not a valid S3 key prefix: '/'-separated names, none of them empty, '.' or '..'",
            "The S3 key prefix segments are laid out under; empty for the bucket root.");
    public static final ConfigKey<URI> ENDPOINT = ConfigKey.optionalUrl(PREFIX + "s3.endpoint",
            "The endpoint of an S3-compatible store (MinIO, S3Proxy), e.g. http://minio:9000; unset for AWS.");
    public static final ConfigKey<String> REGION = ConfigKey.text(PREFIX + "s3.region", "us-east-1",
            "The region S3 requests are signed for.");
    public static final ConfigKey<Boolean> PATH_STYLE_ACCESS = ConfigKey.bool(PREFIX + "s3.pathStyleAccess", false,
            "Address the bucket in the URL path instead of the host name; MinIO, S3Proxy and IP-address "
                    + "endpoints need true.");
    public static final ConfigKey<String> ACCESS_KEY = ConfigKey.optionalText(PREFIX + "s3.accessKey",
            "The S3 access key id; unset to use the AWS SDK's default credentials (environment, profile, "
                    + "instance role).");
    public static final ConfigKey<String> SECRET_KEY = ConfigKey.secret(PREFIX + "s3.secretKey",
            "The S3 secret key, required with the access key. Never logged or shown.");

    /** Every key this config reads, for validation and for docs/configuration.md. */
    public static final List<ConfigKey<?>> KEYS = List.of(TYPE, STORAGE_DIRECTORY, BUCKET, BASE_KEY, ENDPOINT, REGION,
            PATH_STYLE_ACCESS, ACCESS_KEY, SECRET_KEY);

    private static final List<ConfigKey<?>> LOCAL_ONLY = List.of(STORAGE_DIRECTORY);
    private static final List<ConfigKey<?>> S3_ONLY = List.of(BUCKET, BASE_KEY, ENDPOINT, REGION, PATH_STYLE_ACCESS,
            ACCESS_KEY, SECRET_KEY);

    public DeepStorageConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(storageDirectory, "storageDirectory");
        Objects.requireNonNull(region, "region");
        baseKey = baseKey == null ? "" : baseKey;
        if (type == StorageType.S3 && bucket == null) {
            throw new InvalidConfigException(BUCKET.name(), "is required when " + TYPE.name() + " is s3");
        }
        STORAGE_DIRECTORY.check(storageDirectory);
        BUCKET.check(bucket);
        BASE_KEY.check(baseKey);
        ENDPOINT.check(endpoint);
        REGION.check(region);
        ACCESS_KEY.check(accessKey);
        if ((accessKey == null) != (secretKey == null)) {
            ConfigKey<String> missing = accessKey == null ? ACCESS_KEY : SECRET_KEY;
            ConfigKey<String> given = accessKey == null ? SECRET_KEY : ACCESS_KEY;
            throw new InvalidConfigException(missing.name(), "is required when " + given.name() + " is set");
        }
    }

    /** Local deep storage in the default directory. */
    public static DeepStorageConfig defaults() {
        return from(new Properties());
    }

    /** Local deep storage in {@code directory}. */
    public static DeepStorageConfig local(Path directory) {
        return new DeepStorageConfig(StorageType.LOCAL, directory, null, "", null, REGION.defaultValue(),
                PATH_STYLE_ACCESS.defaultValue(), null, null);
    }

    public static DeepStorageConfig from(Path file) {
        return from(RuntimeProperties.load(file));
    }

    public static DeepStorageConfig from(Properties props) {
        RuntimeProperties.requireKnownKeys(props, PREFIX, KEYS, List.of());
        StorageType type = ConfigChoice.of(StorageType.values(), TYPE, TYPE.read(props));
        StorageType other = type == StorageType.LOCAL ? StorageType.S3 : StorageType.LOCAL;
        for (ConfigKey<?> key : type == StorageType.LOCAL ? S3_ONLY : LOCAL_ONLY) {
            if (key.isSet(props)) {
                throw new InvalidConfigException(key.name(), "is only used when " + TYPE.name() + " is "
                        + other.configName() + ", and it is " + type.configName() + "; remove one of the two");
            }
        }
        return new DeepStorageConfig(type, STORAGE_DIRECTORY.read(props), BUCKET.read(props), BASE_KEY.read(props),
                ENDPOINT.read(props), REGION.read(props), PATH_STYLE_ACCESS.read(props), ACCESS_KEY.read(props),
                SECRET_KEY.read(props));
    }

    /**
     * Opens the deep storage this config names. The S3 one holds a pool of HTTP connections: it is
     * {@link AutoCloseable}, and whoever opened it closes it when the node stops.
     */
    public DeepStorage open() {
        return switch (type) {
            case LOCAL -> new LocalDeepStorage(storageDirectory);
            case S3 -> new S3DeepStorage(new S3DeepStorageConfig(bucket, baseKey, endpoint, region, pathStyleAccess,
                    accessKey, secretKey));
        };
    }

    /** The {@code type} of the DataSegment {@code loadSpec} of segments pushed here: "local" or "s3". */
    public String loadSpecType() {
        return type.configName();
    }

    @Override
    public String toString() {
        if (type == StorageType.LOCAL) {
            return "DeepStorageConfig[type=local, storageDirectory=" + storageDirectory + "]";
        }
        return "DeepStorageConfig[type=s3, bucket=" + bucket + ", baseKey=" + baseKey + ", endpoint=" + endpoint
                + ", region=" + region + ", pathStyleAccess=" + pathStyleAccess + ", accessKey=" + accessKey
                + ", secretKey=" + ConfigKey.masked(secretKey) + "]";
    }
}
