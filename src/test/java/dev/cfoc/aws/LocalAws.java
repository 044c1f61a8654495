package dev.cfoc.aws;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Real SDK clients (built by {@link AwsClients}) aimed at a WireMock server on loopback; never at AWS. */
final class LocalAws {

    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));

    private LocalAws() {
    }

    static WireMockConfiguration loopbackServer() {
        return WireMockConfiguration.wireMockConfig().dynamicPort().bindAddress("127.0.0.1");
    }

    static AwsClientOptions options(String baseUrl) {
        return AwsClientOptions.defaults().withCredentials(CREDENTIALS).withEndpointOverride(URI.create(baseUrl));
    }

    static CloudFrontClient cloudFront(String baseUrl) {
        return AwsClients.cloudFront(options(baseUrl));
    }

    static SnsClient sns(String baseUrl) {
        return AwsClients.sns(Region.US_EAST_1, options(baseUrl));
    }
}
