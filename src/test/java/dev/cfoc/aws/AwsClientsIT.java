package dev.cfoc.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.testing.CloudFrontXml;
import dev.cfoc.testing.LocalAws;
import dev.cfoc.testing.SnsXml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudfront.endpoints.CloudFrontEndpointProvider;

/**
 * The clients take their endpoint from the SDK's standard override settings. Environment variables cannot be
 * set in-process, so these tests use the system properties the SDK reads in the same resolution step
 * ({@code aws.endpointUrlCloudFront} ↔ {@code AWS_ENDPOINT_URL_CLOUDFRONT}, {@code aws.endpointUrl} ↔
 * {@code AWS_ENDPOINT_URL}).
 */
class AwsClientsIT {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(LocalAws.loopbackServer()).build();

    private static final AwsClientOptions NO_ENDPOINT = AwsClientOptions.defaults().withCredentials(LocalAws.CREDENTIALS);

    @AfterEach
    void clearEndpointSettings() {
        System.clearProperty("aws.endpointUrlCloudFront");
        System.clearProperty("aws.endpointUrl");
    }

    @Test
    void cloudFront_usesTheServiceSpecificEndpointSetting_andSignsForUsEast1() {
        api.stubFor(get(urlPathEqualTo("/2020-05-31/distribution")).willReturn(aResponse().withStatus(200)
                .withBody(CloudFrontXml.distributionList("", null, false))));
        System.setProperty("aws.endpointUrlCloudFront", api.baseUrl());

        try (var client = AwsClients.cloudFront(NO_ENDPOINT)) {
            client.listDistributions(r -> { });
        }

        api.verify(1, getRequestedFor(urlPathEqualTo("/2020-05-31/distribution"))
                .withHeader("Authorization", containing("/us-east-1/cloudfront/aws4_request")));
    }

    @Test
    void cloudFront_inTheChinaPartition_signsForCnNorthwest1() {
        api.stubFor(get(urlPathEqualTo("/2020-05-31/distribution")).willReturn(aResponse().withStatus(200)
                .withBody(CloudFrontXml.distributionList("", null, false))));
        System.setProperty("aws.endpointUrlCloudFront", api.baseUrl());
        Region region = CloudFrontRegion.fromEnvironment(Map.of("AWS_REGION", "cn-north-1"));

        try (var client = AwsClients.cloudFront(region, NO_ENDPOINT)) {
            client.listDistributions(r -> { });
        }

        api.verify(1, getRequestedFor(urlPathEqualTo("/2020-05-31/distribution"))
                .withHeader("Authorization", containing("/cn-northwest-1/cloudfront/aws4_request")));
    }

    @Test
    void sns_usesTheGlobalEndpointSetting_andSignsForTheTopicRegion() {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody(SnsXml.publishResponse("m-1"))));
        System.setProperty("aws.endpointUrl", api.baseUrl());

        try (var client = AwsClients.sns(Region.EU_WEST_1, NO_ENDPOINT)) {
            client.publish(r -> r.topicArn("arn:aws:sns:eu-west-1:123456789012:t").message("hello"));
        }

        api.verify(1, postRequestedFor(urlPathEqualTo("/"))
                .withHeader("Authorization", containing("/eu-west-1/sns/aws4_request")));
    }

    @Test
    void cloudFront_withoutOverride_targetsTheGlobalEndpoint_signedForUsEast1() {
        var endpoint = CloudFrontEndpointProvider.defaultProvider()
                .resolveEndpoint(p -> p.region(AwsClients.CLOUDFRONT_REGION)).join();

        assertThat(endpoint.url()).hasToString("https://cloudfront.amazonaws.com");
        assertThat(endpoint.attribute(AwsEndpointAttribute.AUTH_SCHEMES)).singleElement()
                .isInstanceOfSatisfying(SigV4AuthScheme.class, s -> assertThat(s.signingRegion()).isEqualTo("us-east-1"));
    }

    @Test
    void explicitEndpointOverride_winsOverTheEnvironmentSetting() {
        api.stubFor(get(urlPathEqualTo("/2020-05-31/distribution")).willReturn(aResponse().withStatus(200)
                .withBody(CloudFrontXml.distributionList("", null, false))));
        System.setProperty("aws.endpointUrlCloudFront", "http://127.0.0.1:9/never-used");

        try (var client = LocalAws.cloudFront(api.baseUrl())) {
            client.listDistributions(r -> { });
        }

        api.verify(1, getRequestedFor(urlPathEqualTo("/2020-05-31/distribution")));
    }

    @Test
    void environmentVariables_pointBothClientsAtALocalEndpoint() throws Exception {
        // given a child JVM whose environment names the local server, and nothing else
        api.stubFor(get(urlPathEqualTo("/cloudfront/2020-05-31/distribution")).willReturn(aResponse().withStatus(200)
                .withBody(CloudFrontXml.distributionList("", null, false, CloudFrontXml.summary("E1A", true, "cp")))));
        api.stubFor(any(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withBody(SnsXml.publishResponse("from-env"))));
        var child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EnvironmentEndpointMain.class.getName())
                .redirectErrorStream(true);
        Map<String, String> env = child.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ENDPOINT_URL_CLOUDFRONT", api.baseUrl() + "/cloudfront");
        env.put("AWS_ENDPOINT_URL", api.baseUrl());
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_CONFIG_FILE", "/nonexistent/config");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials");

        // when
        Process process = child.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            process.destroyForcibly();
        }

        // then: the service-specific variable wins for CloudFront (its path prefix is kept), the global one serves SNS
        assertThat(exited).isTrue();
        assertThat(output).contains("listed=1 messageId=from-env");
        api.verify(1, getRequestedFor(urlPathEqualTo("/cloudfront/2020-05-31/distribution"))
                .withHeader("Authorization", containing("/us-east-1/cloudfront/aws4_request")));
        api.verify(1, postRequestedFor(urlPathEqualTo("/"))
                .withHeader("Authorization", containing("/us-east-1/sns/aws4_request")));
    }

    @Test
    void clients_useAdaptiveRetry() {
        try (var cloudFront = AwsClients.cloudFront(NO_ENDPOINT);
             var sns = AwsClients.sns(Region.US_EAST_1, NO_ENDPOINT)) {
            RetryStrategy cloudFrontRetry = cloudFront.serviceClientConfiguration().overrideConfiguration()
                    .retryStrategy().orElseThrow();
            RetryStrategy snsRetry = sns.serviceClientConfiguration().overrideConfiguration()
                    .retryStrategy().orElseThrow();

            assertThat(AwsClients.RETRY_MODE).isEqualTo(RetryMode.ADAPTIVE_V2);
            assertThat(cloudFrontRetry).isInstanceOf(software.amazon.awssdk.retries.AdaptiveRetryStrategy.class);
            assertThat(snsRetry).isInstanceOf(software.amazon.awssdk.retries.AdaptiveRetryStrategy.class);
        }
    }

    @Test
    void everyClient_hasACallAndAnAttemptTimeout() {
        try (var cloudFront = AwsClients.cloudFront(NO_ENDPOINT);
             var sns = AwsClients.sns(Region.US_EAST_1, NO_ENDPOINT);
             var sqs = AwsClients.sqs(Region.EU_WEST_1, NO_ENDPOINT);
             var dynamoDb = AwsClients.dynamoDb(Region.EU_WEST_1, NO_ENDPOINT)) {
            for (var configuration : List.of(cloudFront.serviceClientConfiguration().overrideConfiguration(),
                    sns.serviceClientConfiguration().overrideConfiguration(),
                    sqs.serviceClientConfiguration().overrideConfiguration(),
                    dynamoDb.serviceClientConfiguration().overrideConfiguration())) {
                assertThat(configuration.apiCallTimeout()).contains(AwsClientOptions.DEFAULT_API_CALL_TIMEOUT);
                assertThat(configuration.apiCallAttemptTimeout())
                        .contains(AwsClientOptions.DEFAULT_API_CALL_ATTEMPT_TIMEOUT);
            }
        }
    }
}
