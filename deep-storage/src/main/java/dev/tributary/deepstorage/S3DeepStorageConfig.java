package dev.tributary.deepstorage;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * How {@link S3DeepStorage} reaches its bucket.
 *
 * @param bucket the bucket that holds every segment
 * @param prefix the key prefix under which segments are laid out (the "base"); empty for the
 *     bucket root, otherwise '/'-separated elements without '.', '..' or empty elements; a trailing
 *     '/' is optional
 * @param endpointOverride the S3 endpoint for S3-compatible stores (MinIO, S3Proxy), or null for AWS
 * @param region the signing region, e.g. {@code us-east-1}
 * @param pathStyleAccess whether to address the bucket in the path instead of the host name
 *     (needed by most S3-compatible stores and by IP-address endpoints)
 * @param accessKey the access key id, or null to use the SDK's default credentials chain
 * @param secretKey the secret access key, or null with a null accessKey; never shown by {@link #toString()}
 */
public record S3DeepStorageConfig(String bucket, String prefix, URI endpointOverride, String region,
        boolean pathStyleAccess, String accessKey, String secretKey) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public S3DeepStorageConfig {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("Not a valid S3 bucket name: " + bucket);
        }
        prefix = normalizePrefix(prefix);
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region must be set");
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("accessKey and secretKey must be given together");
        }
    }

    /** The prefix with a trailing '/', or "" for the bucket root. */
    private static String normalizePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.equals("/")) {
            return "";
        }
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        for (String element : trimmed.split("/", -1)) {
            if (element.isEmpty() || element.equals(".") || element.equals("..")
                    || element.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("Not a valid S3 key prefix: '" + prefix + "'");
            }
        }
        return trimmed + "/";
    }

    @Override
    public String toString() {
        return "S3DeepStorageConfig[bucket=" + bucket + ", prefix=" + prefix + ", endpointOverride="
                + endpointOverride + ", region=" + region + ", pathStyleAccess=" + pathStyleAccess
                + ", accessKey=" + accessKey + ", secretKey=" + (secretKey == null ? null : "****") + "]";
    }
}
