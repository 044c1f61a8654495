package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.testing.LocalSqs;
import dev.cfoc.aws.QueueUrl;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.testing.LocalWorld;
import dev.cfoc.testing.PerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.cfoc.testing.LocalWorld.CHANGED_POLICY_ID;
import static dev.cfoc.testing.LocalWorld.DISTRIBUTION_ID;
import static dev.cfoc.testing.LocalWorld.OTHER_DISTRIBUTION_ID;
import static dev.cfoc.testing.LocalWorld.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fan-out end to end on loopback: the scheduled run queues the distributions on ElasticMQ (the real SQS protocol),
 * a poller does what Lambda's event source mapping does, the handler checks real TLS origins and publishes to SNS
 * (WireMock, as CloudFront is), and the batch response decides what SQS deletes and redelivers.
 */
class FanOutEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The template's event source mapping BatchSize. */
    private static final int BATCH_SIZE = 5;

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    @RegisterExtension
    static final PerClass<LocalWorld> world = PerClass.of(LocalWorld::start);
    @RegisterExtension
    static final PerClass<LocalSqs> sqs = PerClass.of(dir -> LocalSqs.start());

    private final RecordingContext context = new RecordingContext();

    private CheckHandler handler(Optional<FanOutSettings> fanOut) {
        var settings = LoopbackOrigins.lambdaSettings().withTopicArn(TOPIC).withTrustAnchors(world.get().rootPem);
        settings = fanOut.map(settings::withFanOut).orElse(settings);
        var clients = LocalWorld.clients(api, sqs.get().options());
        return new CheckHandler(new CheckService(settings, clients, HostResolver.fixed(Map.of("localhost", "127.0.0.1")),
                Clock.systemUTC()), Clock.systemUTC());
    }

    /** The worker: the same function, without FANOUT_QUEUE_URL being relevant to an SQS batch. */
    private CheckHandler worker() {
        return handler(Optional.empty());
    }

    private static QueueUrl queue(Map<QueueAttributeName, String> attributes) {
        return sqs.get().createQueue("checks-" + System.nanoTime(), attributes);
    }

    private EventSourceMappingPoller poller(QueueUrl queue) {
        return new EventSourceMappingPoller(sqs.get().client(), queue, sqs.get().arn(queue), BATCH_SIZE);
    }

    private String send(QueueUrl queue, String body) {
        return sqs.get().client().sendMessage(r -> r.queueUrl(queue.value()).messageBody(body)).messageId();
    }

    @Test
    void scheduledRun_queuesEveryDistribution_andTheQueuedChecksPublishAsToday() throws Exception {
        // given
        world.get().stubListDistributions(api);
        world.get().stubGetDistribution(api, CHANGED_POLICY_ID);
        LocalWorld.stubOriginRequestPolicy(api, CHANGED_POLICY_ID);
        world.get().stubGetOtherDistribution(api);
        LocalWorld.stubSnsPublishAccepted(api);
        QueueUrl queue = queue(Map.of());
        int connectionsBefore = world.get().expired.connections() + world.get().healthy.connections();

        // when: the schedule fires
        var output = new ByteArrayOutputStream();
        handler(Optional.of(new FanOutSettings(queue, 1))).handleRequest(new ByteArrayInputStream(
                Files.readAllBytes(Path.of("events", "scheduled.json"))), output, context);

        // then: nothing checked or published yet, one message per distribution on the queue
        JsonNode report = JSON.readTree(output.toByteArray());
        assertThat(report.get("distributions")).isEmpty();
        assertThat(report.get("notes").get(0).asText()).startsWith("fan-out: 2 of 2 distribution(s) queued in 2 message(s)");
        assertThat(world.get().expired.connections() + world.get().healthy.connections()).isEqualTo(connectionsBefore);
        assertThat(LocalWorld.publishRequests(api)).isEmpty();
        assertThat(sqs.get().depth(queue)).isEqualTo(2);

        // when: the event source mapping delivers them
        EventSourceMappingPoller.Poll poll = poller(queue).poll(worker(), context).orElseThrow();

        // then
        assertThat(poll.received()).extracting(Message::body).containsExactlyInAnyOrder(
                "{\"distributionIds\":[\"" + DISTRIBUTION_ID + "\"]}",
                "{\"distributionIds\":[\"" + OTHER_DISTRIBUTION_ID + "\"]}");
        assertThat(poll.answer()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(LocalWorld.publishRequests(api)).singleElement().satisfies(m -> assertThat(LocalWorld.attributes(m))
                .containsEntry("distributionId", DISTRIBUTION_ID).containsEntry("codes", "[\"CERT_EXPIRED\"]"));
        assertThat(world.get().expired.connections()).as("the broken origin was really probed").isGreaterThan(0);
        assertThat(sqs.get().depth(queue)).as("both messages deleted").isZero();
    }

    @Test
    void manualRunOfAllDistributions_withFanOutOn_queuesThemAsTheScheduleDoes() throws Exception {
        // given
        world.get().stubListDistributions(api);
        LocalWorld.stubSnsPublishAccepted(api);
        QueueUrl queue = queue(Map.of());
        int connectionsBefore = world.get().expired.connections() + world.get().healthy.connections();

        // when: someone invokes the function by hand with {"all": true}
        var output = new ByteArrayOutputStream();
        handler(Optional.of(new FanOutSettings(queue, 1))).handleRequest(new ByteArrayInputStream(
                "{\"all\": true}".getBytes(StandardCharsets.UTF_8)), output, context);

        // then: queued, one message per distribution, nothing checked or published by this invocation
        JsonNode report = JSON.readTree(output.toByteArray());
        assertThat(report.get("distributions")).isEmpty();
        assertThat(report.get("notes").get(0).asText()).startsWith("fan-out: 2 of 2 distribution(s) queued in 2 message(s)");
        assertThat(world.get().expired.connections() + world.get().healthy.connections()).isEqualTo(connectionsBefore);
        assertThat(LocalWorld.publishRequests(api)).isEmpty();
        assertThat(sqs.get().depth(queue)).isEqualTo(2);
    }

    @Test
    void poisonedMessage_failsAlone_andEndsInTheDeadLetterQueueAfterMaxReceiveCount() throws Exception {
        // given: a queue like the template's, with a 1 s visibility timeout and maxReceiveCount 2
        world.get().stubGetDistribution(api, LocalWorld.MANAGED_CORS_CUSTOM_ORIGIN);
        LocalWorld.stubSnsPublishAccepted(api);
        QueueUrl deadLetters = queue(Map.of());
        QueueUrl queue = queue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + sqs.get().arn(deadLetters)
                        + "\",\"maxReceiveCount\":\"2\"}"));
        String poisoned = send(queue, "{\"distributionIds\": [\"E2QWRUHAPOMQZL\"");
        String good = send(queue, "{\"distributionIds\": [\"" + DISTRIBUTION_ID + "\"]}");
        EventSourceMappingPoller poller = poller(queue);

        // when: the first delivery
        EventSourceMappingPoller.Poll first = poller.poll(worker(), context).orElseThrow();

        // then: only the poisoned message fails
        assertThat(first.received()).extracting(Message::messageId).containsExactlyInAnyOrder(poisoned, good);
        assertThat(first.failed()).containsExactly(poisoned);
        assertThat(LocalWorld.publishRequests(api)).hasSize(1);

        // when: SQS delivers it again until maxReceiveCount is spent
        List<String> redelivered = new ArrayList<>();
        List<Message> dead = List.of();
        for (int round = 0; round < 20 && dead.isEmpty(); round++) {
            Thread.sleep(1_100);
            poller.poll(worker(), context).ifPresent(p -> p.received().forEach(m -> redelivered.add(m.messageId())));
            dead = sqs.get().client().receiveMessage(r -> r.queueUrl(deadLetters.value()).waitTimeSeconds(0)).messages();
        }

        // then: it is in the dead-letter queue, as it was sent, and the log says why each time
        assertThat(redelivered).containsOnly(poisoned);
        assertThat(dead).singleElement().satisfies(m -> assertThat(m.body())
                .isEqualTo("{\"distributionIds\": [\"E2QWRUHAPOMQZL\""));
        assertThat(sqs.get().depth(queue)).isZero();
        assertThat(context.log()).contains("\"messageId\":\"" + poisoned + "\"").contains("body is not valid JSON")
                .contains("\"receiveCount\":\"2\"");
        assertThat(LocalWorld.publishRequests(api)).as("the good message was not checked again").hasSize(1);
    }

    @Test
    void publishFailureForOneDistribution_failsOnlyItsMessage_andLogsItsFindings() throws Exception {
        // given: SNS refuses messages about the main distribution; the other one cannot be read (SOURCE_UNAVAILABLE)
        world.get().stubGetDistribution(api, LocalWorld.MANAGED_CORS_CUSTOM_ORIGIN);
        LocalWorld.stubCloudFrontError(api, "/distribution/" + OTHER_DISTRIBUTION_ID, 404, "NoSuchDistribution",
                "The specified distribution does not exist.");
        LocalWorld.stubSnsPublishDeniedFor(api, DISTRIBUTION_ID);
        QueueUrl queue = queue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        String main = send(queue, "{\"distributionIds\": [\"" + DISTRIBUTION_ID + "\"]}");
        String other = send(queue, "{\"distributionIds\": [\"" + OTHER_DISTRIBUTION_ID + "\"]}");

        // when
        EventSourceMappingPoller.Poll poll = poller(queue).poll(worker(), context).orElseThrow();

        // then
        assertThat(poll.received()).hasSize(2);
        assertThat(poll.failed()).containsExactly(main);
        assertThat(LocalWorld.publishRequests(api)).hasSize(2).anySatisfy(m -> assertThat(LocalWorld.attributes(m))
                .containsEntry("distributionId", OTHER_DISTRIBUTION_ID).containsEntry("codes", "[\"SOURCE_UNAVAILABLE\"]"));
        assertThat(context.log()).contains("unpublished finding").contains("\"code\":\"CERT_EXPIRED\"")
                .contains("message fails, SQS delivers it again: the findings of " + DISTRIBUTION_ID)
                .doesNotContain("\"messageId\":\"" + other + "\",\"receiveCount\"");
        assertThat(sqs.get().depth(queue)).as("the failed message stays, in flight until its visibility timeout").isEqualTo(1);
    }

    @Test
    void queueThatRefusesTheMessages_failsTheScheduledRun_loggingEveryDistribution() throws Exception {
        // given: a queue URL that does not exist
        world.get().stubListDistributions(api);
        LocalWorld.stubSnsPublishAccepted(api);
        QueueUrl missing = QueueUrl.parse(queue(Map.of()).value() + "-gone");
        var handler = handler(Optional.of(new FanOutSettings(missing, 1)));
        byte[] event = Files.readAllBytes(Path.of("events", "scheduled.json"));

        // when / then
        assertThatThrownBy(() -> handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(),
                context)).isInstanceOf(FanOutFailedException.class).hasMessageStartingWith("2 of 2 distribution(s) "
                + "could not be queued").hasMessageContaining(DISTRIBUTION_ID).hasMessageContaining(OTHER_DISTRIBUTION_ID);
        assertThat(context.log().lines().filter(l -> l.contains("distribution could not be queued")))
                .hasSize(2).anySatisfy(l -> assertThat(l).contains("\"distributionId\":\"" + DISTRIBUTION_ID + "\""));
    }
}
