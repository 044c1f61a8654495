package dev.cfoc.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.cfoc.testing.LocalAws;
import dev.cfoc.testing.LocalSqs;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.model.Message;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SendMessageBatch against ElasticMQ (the real protocol end to end) and, for the failures ElasticMQ cannot be made
 * to produce, against WireMock answering in SQS's JSON protocol.
 */
class SqsBatchSenderIT {

    @RegisterExtension
    static WireMockExtension sqsApi = WireMockExtension.newInstance().options(LocalAws.loopbackServer()).build();

    private static LocalSqs elasticMq;

    @BeforeAll
    static void start() {
        elasticMq = LocalSqs.start();
    }

    @AfterAll
    static void stop() {
        elasticMq.close();
    }

    @Test
    void twentyFiveMessages_goInThreeCalls_andAllArriveOnTheQueue() {
        // given
        QueueUrl queue = elasticMq.createQueue("sender-" + System.nanoTime(), Map.of());
        List<String> bodies = IntStream.range(0, 25).mapToObj(i -> "{\"distributionIds\":[\"E" + (100000 + i) + "\"]}")
                .toList();

        // when
        SendOutcome outcome = new SqsBatchSender(elasticMq.client(), queue).send(bodies);

        // then
        assertThat(outcome.sent()).isEqualTo(25);
        assertThat(outcome.allSent()).isTrue();
        List<String> received = new ArrayList<>();
        for (int polls = 0; polls < 20 && received.size() < 25; polls++) {
            for (Message m : elasticMq.client().receiveMessage(r -> r.queueUrl(queue.value()).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages()) {
                received.add(m.body());
            }
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(bodies);
    }

    @Test
    void entryRefusedOnce_isSentAgain_andCountsAsSent() throws Exception {
        // given: the first call refuses entry 1, the second accepts it
        List<String> bodies = List.of("{\"distributionIds\":[\"E100000\"]}", "{\"distributionIds\":[\"E100001\"]}");
        sqsApi.stubFor(post(urlEqualTo("/")).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json("{\"Successful\":[" + ok("0", bodies.get(0)) + "],\"Failed\":[{\"Id\":\"1\","
                        + "\"SenderFault\":false,\"Code\":\"InternalError\",\"Message\":\"try again\"}]}"))
                .willSetStateTo("second"));
        sqsApi.stubFor(post(urlEqualTo("/")).inScenario("retry").whenScenarioStateIs("second")
                .willReturn(json("{\"Successful\":[" + ok("1", bodies.get(1)) + "],\"Failed\":[]}")));

        // when
        SendOutcome outcome = sender().send(bodies);

        // then
        assertThat(outcome.sent()).isEqualTo(2);
        assertThat(outcome.unsent()).isEmpty();
        sqsApi.verify(2, anyRequestedFor(anyUrl()));
        assertThat(sqsApi.getAllServeEvents().get(0).getRequest().getBodyAsString())
                .as("the retry carries only the refused entry").contains("E100001").doesNotContain("E100000");
    }

    @Test
    void entryRefusedEveryTime_isReturnedWithSqsReason_afterThreeAttempts() throws Exception {
        List<String> bodies = List.of("{\"distributionIds\":[\"E100000\"]}", "{\"distributionIds\":[\"E100001\"]}");
        String refused = "{\"Id\":\"1\",\"SenderFault\":true,\"Code\":\"InvalidMessageContents\","
                + "\"Message\":\"bad characters\"}";
        sqsApi.stubFor(post(urlEqualTo("/")).inScenario("refused").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json("{\"Successful\":[" + ok("0", bodies.get(0)) + "],\"Failed\":[" + refused + "]}"))
                .willSetStateTo("again"));
        sqsApi.stubFor(post(urlEqualTo("/")).inScenario("refused").whenScenarioStateIs("again")
                .willReturn(json("{\"Successful\":[],\"Failed\":[" + refused + "]}")));

        SendOutcome outcome = sender().send(bodies);

        assertThat(outcome.sent()).isEqualTo(1);
        assertThat(outcome.unsent()).containsExactly(new UnsentMessage(1,
                "InvalidMessageContents: bad characters (sender fault)"));
        sqsApi.verify(SqsBatchSender.MAX_ATTEMPTS, anyRequestedFor(anyUrl()));
    }

    @Test
    void callThatKeepsFailing_returnsEveryMessageUnsent_withTheError() {
        sqsApi.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.0").withHeader("x-amzn-query-error",
                        "AWS.SimpleQueueService.NonExistentQueue;Sender")
                .withBody("{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\",\"message\":\"The specified queue does "
                        + "not exist.\"}")));

        SendOutcome outcome = sender().send(List.of("{\"distributionIds\":[\"E100000\"]}"));

        assertThat(outcome.sent()).isZero();
        assertThat(outcome.unsent()).singleElement().satisfies(u -> assertThat(u.reason())
                .startsWith("SendMessageBatch failed: ").contains("The specified queue does not exist"));
    }

    private static SqsBatchSender sender() {
        var client = AwsClients.sqs(Region.US_EAST_1, LocalAws.options(sqsApi.baseUrl()));
        return new SqsBatchSender(client, QueueUrl.parse(sqsApi.baseUrl() + "/123456789012/checks"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0").withBody(body);
    }

    /** A Successful entry: the SDK checks the MD5 of the body SQS reports. */
    private static String ok(String id, String body) throws Exception {
        String md5 = String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5")
                .digest(body.getBytes(StandardCharsets.UTF_8))));
        return "{\"Id\":\"" + id + "\",\"MessageId\":\"m-" + id + "\",\"MD5OfMessageBody\":\"" + md5 + "\"}";
    }
}
