package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.testing.LocalWorld;
import dev.cfoc.testing.PerClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.cfoc.testing.LocalWorld.CHANGED_POLICY_ID;
import static dev.cfoc.testing.LocalWorld.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The handler's answer to SQS events: only the partial batch response, or a function error when it cannot answer. */
class SqsBatchHandlerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SQS_BATCH = Path.of("events", "sqs-batch.json");
    private static final String FIRST = "2e1424d4-f796-459a-8184-9c92662be6da";
    private static final String SECOND = "7b0a1e52-3c9d-4d8e-a1f2-5e6b7c8d9e0f";

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    @RegisterExtension
    static final PerClass<LocalWorld> world = PerClass.of(LocalWorld::start);

    @BeforeEach
    void stubApis() {
        world.get().stubGetDistribution(api, CHANGED_POLICY_ID);
        LocalWorld.stubOriginRequestPolicy(api, CHANGED_POLICY_ID);
        world.get().stubGetOtherDistribution(api);
        LocalWorld.stubSnsPublishAccepted(api);
    }

    private CheckHandler handler() {
        var settings = LoopbackOrigins.lambdaSettings().withTopicArn(TOPIC).withTrustAnchors(world.get().rootPem);
        return new CheckHandler(new CheckService(settings, LocalWorld.clients(api),
                HostResolver.fixed(Map.of("localhost", "127.0.0.1")), Clock.systemUTC()), Clock.systemUTC());
    }

    private static JsonNode invoke(byte[] event, RecordingContext context) throws Exception {
        var output = new ByteArrayOutputStream();
        new SqsBatchHandlerIT().handler().handleRequest(new ByteArrayInputStream(event), output, context);
        return JSON.readTree(output.toByteArray());
    }

    @Test
    void sqsBatch_isAnsweredWithOnlyThePartialBatchResponse() throws Exception {
        JsonNode answer = invoke(Files.readAllBytes(SQS_BATCH), new RecordingContext());

        assertThat(answer.fieldNames()).toIterable().containsExactly("batchItemFailures");
        assertThat(answer.get("batchItemFailures")).isEmpty();
        assertThat(LocalWorld.publishRequests(api)).singleElement().satisfies(m -> assertThat(LocalWorld.attributes(m))
                .containsEntry("distributionId", LocalWorld.DISTRIBUTION_ID));
    }

    @Test
    void handle_saysTheBatchWasAnswered_withTheResultItWrote() throws Exception {
        var output = new ByteArrayOutputStream();

        CheckHandler.Outcome outcome = handler().handle(new ByteArrayInputStream(Files.readAllBytes(SQS_BATCH)), output,
                new RecordingContext());

        assertThat(outcome).isInstanceOfSatisfying(CheckHandler.Outcome.Batch.class, b -> {
            assertThat(b.result().failedMessageIds()).isEmpty();
            assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo(b.result().toJson());
        });
    }

    @Test
    void distributionsNotCheckedBeforeTheDeadline_failTheirMessages_soSqsRedeliversThem() throws Exception {
        // given: 10 s left, less than the run's margin: no probe may start
        var shortContext = new RecordingContext(10_000);

        // when
        JsonNode answer = invoke(Files.readAllBytes(SQS_BATCH), shortContext);

        // then
        assertThat(answer.get("batchItemFailures").findValuesAsText("itemIdentifier")).containsExactlyInAnyOrder(FIRST, SECOND);
        assertThat(shortContext.log()).contains("was not fully checked before the invocation's deadline");
    }

    @Test
    void sqsRecordWithoutMessageId_failsTheInvocation_insteadOfABadEventLambdaWouldReadAsSuccess() throws Exception {
        String event = Files.readString(SQS_BATCH).replace("\"messageId\": \"" + SECOND + "\",", "");
        var context = new RecordingContext();

        assertThatThrownBy(() -> invoke(event.getBytes(StandardCharsets.UTF_8), context))
                .isInstanceOf(BatchFailedException.class).hasMessageContaining("$.Records[1].messageId");
        assertThat(context.log()).contains("the whole batch fails");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void sqsEventMixedWithOtherRecords_failsEveryMessage_andChecksNothing() throws Exception {
        JsonNode event = JSON.readTree(SQS_BATCH.toFile());
        ((com.fasterxml.jackson.databind.node.ArrayNode) event.get("Records"))
                .add(JSON.readTree("{\"eventSource\": \"aws:sns\", \"Sns\": {\"Message\": \"hello\"}}"));
        var context = new RecordingContext();

        JsonNode answer = invoke(event.toString().getBytes(StandardCharsets.UTF_8), context);

        assertThat(answer.get("batchItemFailures").findValuesAsText("itemIdentifier")).containsExactly(FIRST, SECOND);
        assertThat(context.log()).contains("not an SQS message: $.Records[2]: eventSource 'aws:sns'");
        api.verify(0, anyRequestedFor(anyUrl()));
    }
}
