package dev.cfoc.testing;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.aws.AwsClients;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Real SDK clients (built by {@link AwsClients}) aimed at a WireMock server on loopback; never at AWS. */
public final class LocalAws {

    /** AWS's documentation example keys: never valid anywhere. */
    public static final String ACCESS_KEY = "AKIDEXAMPLE";
    public static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

    private LocalAws() {
    }

    public static WireMockConfiguration loopbackServer() {
        return WireMockConfiguration.wireMockConfig().dynamicPort().bindAddress("127.0.0.1");
    }

    public static AwsClientOptions options(String baseUrl) {
        return AwsClientOptions.defaults().withCredentials(CREDENTIALS).withEndpointOverride(URI.create(baseUrl));
    }

    public static CloudFrontClient cloudFront(String baseUrl) {
        return AwsClients.cloudFront(options(baseUrl));
    }

    public static SnsClient sns(String baseUrl) {
        return AwsClients.sns(Region.US_EAST_1, options(baseUrl));
    }
}
