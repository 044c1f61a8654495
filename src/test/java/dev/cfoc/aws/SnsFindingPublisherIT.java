package dev.cfoc.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cfoc.finding.Severity;
import dev.cfoc.testing.LocalAws;
import dev.cfoc.testing.SnsXml;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;

class SnsFindingPublisherIT {

    private static final TopicArn TOPIC = TopicArn.parse("arn:aws:sns:us-east-1:123456789012:cloudfront-origin-findings");
    private static final int SNS_LIMIT_BYTES = 262_144;

    @RegisterExtension
    static WireMockExtension snsApi = WireMockExtension.newInstance().options(LocalAws.loopbackServer()).build();

    private SnsClient client;
    private SnsFindingPublisher publisher;

    @BeforeEach
    void createPublisher() {
        client = LocalAws.sns(snsApi.baseUrl());
        publisher = new SnsFindingPublisher(client, TOPIC);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
    }

    private static ResponseDefinitionBuilder published(String messageId) {
        return xml(200, SnsXml.publishResponse(messageId));
    }

    private static ResponseDefinitionBuilder throttling() {
        return xml(400, SnsXml.error("Sender", "Throttling", "Rate exceeded"));
    }

    private static DistributionAlert alert(String id, String humanText, String findingsJson) {
        return new DistributionAlert(id, Severity.ERROR, 2, List.of("CERT_EXPIRED", "DNS_UNRESOLVABLE"), humanText,
                findingsJson);
    }

    /** The Publish requests received, oldest first, as decoded form parameters. */
    private static List<Map<String, String>> publishRequests() {
        return snsApi.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(ServeEvent::getRequest)
                .map(r -> form(r.getBodyAsString()))
                .toList();
    }

    private static Map<String, String> form(String body) {
        var parameters = new LinkedHashMap<String, String>();
        for (String pair : body.split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    /** Message attributes as name → [DataType, StringValue], from the Query API's entry.N encoding. */
    private static Map<String, List<String>> attributes(Map<String, String> request) {
        var attributes = new LinkedHashMap<String, List<String>>();
        for (int n = 1; request.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            String prefix = "MessageAttributes.entry." + n + ".";
            attributes.put(request.get(prefix + "Name"),
                    List.of(request.get(prefix + "Value.DataType"), request.get(prefix + "Value.StringValue")));
        }
        return attributes;
    }

    /** What SNS counts against its 256 KiB limit, in UTF-8 bytes. */
    private static int snsSize(Map<String, String> request) {
        int size = utf8(request.get("Subject")) + utf8(request.get("Message"));
        for (var attribute : attributes(request).entrySet()) {
            size += utf8(attribute.getKey()) + utf8(attribute.getValue().get(0)) + utf8(attribute.getValue().get(1));
        }
        return size;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void publish_sendsOneQueryApiPublishPerDistribution_withSubjectBodyAndFilterableAttributes() {
        // given
        snsApi.stubFor(post(urlEqualTo("/")).willReturn(published("2b0e3f6d-77c4-5f1e-9a3b-1c2d3e4f5a6b")));
        var first = alert("E1A2B3C4D5E6F7", "Origin api-origin: certificate expired on 2025-01-01.", "[{\"code\":\"CERT_EXPIRED\"}]");
        var second = new DistributionAlert("E2WARN", Severity.WARNING, 1, List.of("CERT_EXPIRING_SOON"), "Renew soon.", "[]");

        // when
        List<PublishedMessage> sent = publisher.publish(List.of(first, second));

        // then
        assertThat(sent).containsExactly(
                new PublishedMessage("E1A2B3C4D5E6F7", 1, 1, "2b0e3f6d-77c4-5f1e-9a3b-1c2d3e4f5a6b"),
                new PublishedMessage("E2WARN", 1, 1, "2b0e3f6d-77c4-5f1e-9a3b-1c2d3e4f5a6b"));
        snsApi.verify(2, postRequestedFor(urlEqualTo("/"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded")));
        List<Map<String, String>> requests = publishRequests();
        Map<String, String> request = requests.getFirst();
        assertThat(request).containsEntry("Action", "Publish").containsEntry("Version", "2010-03-31")
                .containsEntry("TopicArn", TOPIC.value())
                .containsEntry("Subject", "[ERROR] E1A2B3C4D5E6F7: 2 origins failing (CERT_EXPIRED, DNS_UNRESOLVABLE)")
                .containsEntry("Message", "Origin api-origin: certificate expired on 2025-01-01.\n\n[{\"code\":\"CERT_EXPIRED\"}]");
        assertThat(attributes(request)).containsExactly(
                Map.entry("severity", List.of("String", "ERROR")),
                Map.entry("distributionId", List.of("String", "E1A2B3C4D5E6F7")),
                Map.entry("codes", List.of("String.Array", "[\"CERT_EXPIRED\",\"DNS_UNRESOLVABLE\"]")));
        assertThat(requests.get(1)).containsEntry("Subject", "[WARNING] E2WARN: 1 origin with warnings (CERT_EXPIRING_SOON)");
        assertThat(attributes(requests.get(1))).containsEntry("severity", List.of("String", "WARNING"));
    }

    @Test
    void publish_splitsAReportOver256KiB_intoNumberedParts_eachUnderTheLimitInUtf8Bytes() {
        // given findings JSON of ~700 KB, much of it multi-byte (é = 2 bytes, 🔒 = 4 bytes)
        snsApi.stubFor(post(urlEqualTo("/")).willReturn(published("m")));
        var json = new StringBuilder("[");
        for (int i = 0; i < 4_000; i++) {
            json.append("{\"code\":\"CERT_NAME_MISMATCH\",\"message\":\"certificat émis pour é.example 🔒 n° ")
                    .append(i).append(" ").append("é".repeat(40)).append("\"},\n");
        }
        String findingsJson = json.append("{}]").toString();
        String humanText = "What is wrong: 2 origins present certificates for another name.";
        assertThat(utf8(findingsJson)).isGreaterThan(2 * SNS_LIMIT_BYTES);

        // when
        List<PublishedMessage> sent = publisher.publish(List.of(alert("E1BIG", humanText, findingsJson)));

        // then
        List<Map<String, String>> requests = publishRequests();
        int parts = requests.size();
        assertThat(parts).isGreaterThanOrEqualTo(3);
        assertThat(sent).extracting(PublishedMessage::part).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, parts).boxed().toList());
        var reassembled = new StringBuilder();
        for (int i = 1; i <= parts; i++) {
            Map<String, String> request = requests.get(i - 1);
            String marker = "(part " + i + "/" + parts + ")";
            assertThat(request.get("Subject")).endsWith(" " + marker).hasSizeLessThan(100);
            assertThat(request.get("Message")).startsWith(marker + "\n\n");
            assertThat(snsSize(request)).isLessThan(SNS_LIMIT_BYTES);
            assertThat(attributes(request)).containsOnlyKeys("severity", "distributionId", "codes");
            reassembled.append(request.get("Message").substring((marker + "\n\n").length()));
        }
        assertThat(reassembled.toString()).isEqualTo(humanText + "\n\n" + findingsJson);
    }

    @Test
    void publish_subjectIsOneAsciiLineUnder100Characters_whateverTheInput() {
        snsApi.stubFor(post(urlEqualTo("/")).willReturn(published("m")));
        var hostile = new DistributionAlert("E1\r\nBcc: évil@example.com\u0007", Severity.ERROR, 12,
                List.of("CERT_EXPIRED", "CERT_CHAIN_INCOMPLETE", "CERT_CHAIN_ORDER", "TLS_NO_COMMON_PROTOCOL",
                        "TLS_NO_COMMON_CIPHER", "DNS_UNRESOLVABLE"), "text", "[]");

        publisher.publish(List.of(hostile));

        String subject = publishRequests().getFirst().get("Subject");
        assertThat(subject).hasSizeLessThan(100).doesNotContain("\r", "\n", "\u0007").endsWith("...")
                .startsWith("[ERROR] E1 Bcc: ?vil@example.com: 12 origins failing (CERT_EXPIRED");
        assertThat(subject.chars()).allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    @Test
    void publish_throttledOnce_isRetriedByTheSdk_andPublished() {
        snsApi.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(throttling()).willSetStateTo("calm"));
        snsApi.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs("calm")
                .willReturn(published("after-retry")));

        List<PublishedMessage> sent = publisher.publish(List.of(alert("E1A", "text", "[]")));

        assertThat(sent).extracting(PublishedMessage::messageId).containsExactly("after-retry");
        snsApi.verify(2, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void publish_whenSnsKeepsRefusingOneDistribution_publishesTheOthers_thenThrowsNamingIt() {
        snsApi.stubFor(post(urlEqualTo("/")).willReturn(published("ok")));
        snsApi.stubFor(post(urlEqualTo("/")).withRequestBody(containing("E2BAD")).willReturn(throttling()));

        var failure = catchThrowableOfType(PublishFailedException.class, () -> publisher.publish(List.of(
                alert("E1GOOD", "text", "[]"), alert("E2BAD", "text", "[]"), alert("E3GOOD", "text", "[]"))));

        assertThat(failure.failures()).containsExactly(
                new PublishFailure("E2BAD", 1, 1, "Throttling: Rate exceeded (HTTP 400, 3 attempts)"));
        assertThat(failure.published()).extracting(PublishedMessage::distributionId).containsExactly("E1GOOD", "E3GOOD");
        assertThat(failure).hasMessage("Could not publish 1 of 3 SNS message(s) to " + TOPIC.value()
                + ": E2BAD: Throttling: Rate exceeded (HTTP 400, 3 attempts)");
        snsApi.verify(3, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("E2BAD")));
    }

    @Test
    void publish_anHtmlPageWithStatus200_isAFailure_notAPublishedMessage() {
        snsApi.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Welcome to the proxy</body></html>")));

        var failure = catchThrowableOfType(PublishFailedException.class,
                () -> publisher.publish(List.of(alert("E1PROXIED", "text", "[]"))));

        assertThat(failure.published()).isEmpty();
        assertThat(failure.failures()).singleElement().satisfies(f -> assertThat(f.distributionId())
                .isEqualTo("E1PROXIED"));
    }

    @Test
    void publish_nothingToSay_sendsNothing() {
        assertThat(publisher.publish(List.of())).isEmpty();

        snsApi.verify(0, postRequestedFor(urlEqualTo("/")));
    }

}
