package dev.cfoc.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.finding.Severity;
import dev.cfoc.testing.LocalAws;
import dev.cfoc.testing.SnsXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * An SNS endpoint that accepts the connection and never answers: publishing fails within its budget or the client's
 * call timeout, never hangs. (A class of its own: the silent server answers the abandoned requests a minute later,
 * which would show up in other tests' request journals.)
 */
class SilentSnsIT {

    private static final TopicArn TOPIC = TopicArn.parse("arn:aws:sns:us-east-1:123456789012:cloudfront-origin-findings");
    /** How long the endpoint keeps silent, and the bound each test must finish within: far apart. */
    private static final int HANG_MILLIS = 60_000;
    private static final Duration BOUND = Duration.ofSeconds(20);

    @RegisterExtension
    static WireMockExtension snsApi = WireMockExtension.newInstance().options(LocalAws.loopbackServer()).build();

    /** The budget wins over the client's own call timeout (25 s by default), which would be too late. */
    @Test
    void publish_stopsWithinTheBudget_andCountsEveryMessageAsAFailure() {
        stubSilence();
        List<DistributionAlert> alerts = List.of(alert("E1HANG"), alert("E2HANG"));

        try (SnsClient sns = LocalAws.sns(snsApi.baseUrl())) {
            var failure = assertTimeoutPreemptively(BOUND, () -> catchThrowableOfType(PublishFailedException.class,
                    () -> new SnsFindingPublisher(sns, TOPIC).publish(alerts, Optional.of(Duration.ofSeconds(2)))));

            assertThat(failure.published()).isEmpty();
            assertThat(failure.failures()).extracting(PublishFailure::distributionId)
                    .containsExactly("E1HANG", "E2HANG");
            assertThat(failure.failures().getLast().reason())
                    .startsWith("not sent: the invocation's time for publishing");
        }
    }

    @Test
    void publish_withoutABudget_failsWithinTheClientsCallTimeout() {
        stubSilence();
        try (SnsClient impatient = AwsClients.sns(Region.US_EAST_1, LocalAws.options(snsApi.baseUrl())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)))) {

            var failure = assertTimeoutPreemptively(BOUND, () -> catchThrowableOfType(PublishFailedException.class,
                    () -> new SnsFindingPublisher(impatient, TOPIC).publish(List.of(alert("E1HANG")))));

            assertThat(failure.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                    .containsIgnoringCase("timeout"));
        }
    }

    private static void stubSilence() {
        snsApi.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withBody(SnsXml.publishResponse("too-late"))
                .withFixedDelay(HANG_MILLIS)));
    }

    private static DistributionAlert alert(String id) {
        return new DistributionAlert(id, Severity.ERROR, 1, List.of("CERT_EXPIRED"), "text", "[]");
    }
}
