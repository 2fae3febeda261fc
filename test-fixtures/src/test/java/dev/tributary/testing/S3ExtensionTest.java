package dev.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ExtensionTest {

    @RegisterExtension
    static final S3Extension S3 = new S3Extension();

    private S3Client client;

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void shouldPutAndGetAnObjectOverHttpWithSignedRequests() {
        client = client(S3.accessKey(), S3.secretKey());
        String bucket = S3.createBucket("fixture-roundtrip");

        client.putObject(put -> put.bucket(bucket).key("wikipedia/2024-01-01/v1/0/index.zip"),
                RequestBody.fromString("segment bytes"));

        String read = client.getObjectAsBytes(get -> get.bucket(bucket).key("wikipedia/2024-01-01/v1/0/index.zip"))
                .asUtf8String();
        assertThat(read).isEqualTo("segment bytes");
        assertThat(client.listBuckets().buckets()).anySatisfy(b -> assertThat(b.name()).isEqualTo(bucket));
    }

    @Test
    void shouldRejectRequestsSignedWithTheWrongSecret() {
        String bucket = S3.createBucket("fixture-auth");
        client = client(S3.accessKey(), "not-the-secret");

        assertThatThrownBy(() -> client.putObject(put -> put.bucket(bucket).key("k"), RequestBody.fromString("v")))
                .isInstanceOf(S3Exception.class)
                .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
    }

    @Test
    void shouldCreateADistinctBucketOnEveryCallWithTheSamePrefix() {
        assertThat(S3.createBucket("fixture-same")).isNotEqualTo(S3.createBucket("fixture-same"));
    }

    @Test
    void shouldRefuseAPrefixThatIsNotAValidBucketName() {
        assertThatThrownBy(() -> S3.createBucket("Upper_Case"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Upper_Case");
    }

    private static S3Client client(String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(S3.endpoint())
                .region(Region.of(S3Extension.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                .build();
    }

    @Nested
    class WhenAnotherTestClassRegistersTheExtension {

        @RegisterExtension
        static final S3Extension OTHER = new S3Extension();

        @Test
        void shouldReuseTheServerThisJvmAlreadyStarted() {
            assertThat(OTHER.endpoint()).isEqualTo(S3.endpoint());
        }
    }
}
