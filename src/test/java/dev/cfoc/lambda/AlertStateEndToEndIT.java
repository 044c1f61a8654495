package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.aws.PublishFailedException;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.state.StateJson;
import dev.cfoc.testing.LocalAws;
import dev.cfoc.testing.LocalDynamo;
import dev.cfoc.testing.LocalWorld;
import dev.cfoc.testing.PerClass;
import software.amazon.awssdk.regions.Region;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static dev.cfoc.testing.LocalWorld.CHANGED_POLICY_ID;
import static dev.cfoc.testing.LocalWorld.DISTRIBUTION_ID;
import static dev.cfoc.testing.LocalWorld.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Alert state end to end through the handler: CloudFront and SNS on WireMock, the state table on a real DynamoDB API
 * (dynalite), real TLS origins on loopback, and a clock the test moves forward hour by hour.
 */
class AlertStateEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("events");
    private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();
    @RegisterExtension
    static final PerClass<LocalWorld> world = PerClass.of(LocalWorld::start);
    @RegisterExtension
    static final PerClass<LocalDynamo> dynamo = PerClass.of(dir -> LocalDynamo.start());

    private final MovableClock clock = new MovableClock(START);
    private String table;

    /** The clock of every run: moved forward by the test, as hourly schedules would see it. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void freshWorld() {
        table = dynamo.get().createStateTable();
        world.get().legacyOriginFixed(false);
        world.get().stubListDistributions(api);
        world.get().stubGetDistribution(api, CHANGED_POLICY_ID);
        world.get().stubGetOtherDistribution(api);
        LocalWorld.stubOriginRequestPolicy(api, CHANGED_POLICY_ID);
        LocalWorld.stubSnsPublishAccepted(api);
    }

    private CheckHandler handler() {
        var settings = LoopbackOrigins.lambdaSettings().withTopicArn(TOPIC).withTrustAnchors(world.get().rootPem)
                .withAlertState(new AlertStateSettings(table, Duration.ofDays(1)));
        AwsClientOptions aws = LocalAws.options(api.baseUrl());
        var clients = new AwsClientProvider(Region.US_EAST_1, aws, aws, AwsClientOptions.defaults(), dynamo.get().options());
        return new CheckHandler(new CheckService(settings, clients, HostResolver.fixed(Map.of("localhost", "127.0.0.1")),
                clock, line -> { }), clock);
    }

    private JsonNode run(String eventFile) throws Exception {
        var output = new ByteArrayOutputStream();
        var context = new RecordingContext();
        try {
            handler().handleRequest(new ByteArrayInputStream(Files.readAllBytes(EVENTS.resolve(eventFile))), output,
                    context);
        } finally {
            if (Boolean.getBoolean("cfoc.debug")) {
                System.err.println(context.log());
            }
        }
        return JSON.readTree(output.toByteArray());
    }

    /** The Publish requests SNS received since the last call. */
    private List<Map<String, String>> published() {
        List<Map<String, String>> requests = LocalWorld.publishRequests(api);
        api.resetRequests();
        return requests;
    }

    private static String transition(Map<String, String> message) {
        return LocalWorld.attributes(message).get("transition");
    }

    private JsonNode storedState(String key) throws Exception {
        var item = dynamo.get().items(table).stream().filter(i -> i.get("pk").s().equals(key)).findFirst()
                .orElseThrow();
        return JSON.readTree(item.get("state").s());
    }

    private static JsonNode legacyFinding(JsonNode report) {
        JsonNode distribution = report.get("distributions").get(0);
        return StreamSupport.stream(distribution.get("origins").spliterator(), false)
                .filter(o -> o.get("originId").asText().equals("legacy")).findFirst().orElseThrow()
                .get("findings").get(0);
    }

    @Test
    void hourlyRunsOverABrokenFleet_sendOneMessage_thenNothing_thenAReminder_andOneResolvedWhenFixed() throws Exception {
        // first scheduled run: the broken distribution is NEW, the healthy one sends nothing
        JsonNode first = run("scheduled.json");
        List<Map<String, String>> messages = published();
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(transition(m)).isEqualTo("NEW");
            assertThat(LocalWorld.attributes(m)).containsEntry("distributionId", DISTRIBUTION_ID)
                    .containsEntry("severity", "ERROR").containsEntry("codes", "[\"CERT_EXPIRED\"]");
            assertThat(m.get("Subject")).isEqualTo("[ERROR] www.example.com (" + DISTRIBUTION_ID
                    + "): 1 origin failing (CERT_EXPIRED)");
            assertThat(m.get("Message")).contains("NEW: CloudFront will fail requests")
                    .contains("requests to `/legacy/*` on www.example.com will get 502");
        });
        assertThat(legacyFinding(first).get("firstSeen").asText()).isEqualTo(START.toString());

        // an hour later, nothing changed: nothing is sent
        clock.advance(Duration.ofHours(1));
        JsonNode second = run("scheduled.json");
        assertThat(published()).isEmpty();
        assertThat(legacyFinding(second).get("firstSeen").asText()).isEqualTo(START.toString());
        assertThat(storedState(DISTRIBUTION_ID).get("active").get(0).get("lastSeen").asText())
                .isEqualTo(START.plus(Duration.ofHours(1)).toString());

        // a day after the message: one reminder
        clock.advance(Duration.ofHours(23));
        run("scheduled.json");
        assertThat(published()).singleElement().satisfies(m -> {
            assertThat(transition(m)).isEqualTo("REMINDER");
            assertThat(m.get("Subject")).startsWith("[REMINDER] [ERROR] www.example.com (" + DISTRIBUTION_ID + ")");
            assertThat(m.get("Message")).contains("failing since " + START + ", 1 day");
        });
        clock.advance(Duration.ofHours(1));
        run("scheduled.json");
        assertThat(published()).isEmpty();

        // someone fixes the origin: one RESOLVED, then nothing
        world.get().legacyOriginFixed(true);
        world.get().stubListDistributions(api);
        clock.advance(Duration.ofHours(1));
        JsonNode fixed = run("scheduled.json");
        assertThat(published()).singleElement().satisfies(m -> {
            assertThat(transition(m)).isEqualTo("RESOLVED");
            assertThat(m.get("Subject")).isEqualTo("[RESOLVED] www.example.com (" + DISTRIBUTION_ID
                    + "): 1 origin OK again");
            assertThat(LocalWorld.attributes(m)).containsEntry("severity", "ERROR").containsEntry("codes",
                    "[\"CERT_EXPIRED\"]");
            assertThat(m.get("Message")).contains("CERT_EXPIRED at origin legacy")
                    .contains("OK again (was failing since " + START + ", 1 day)");
        });
        assertThat(fixed.get("distributions").get(0).get("transition").asText()).isEqualTo("RESOLVED");
        clock.advance(Duration.ofHours(1));
        run("scheduled.json");
        assertThat(published()).isEmpty();
    }

    @Test
    void aFailedPublish_leavesTheStateAsItWas_soTheNextRunSendsTheMessage() throws Exception {
        LocalWorld.stubSnsPublishDenied(api);

        assertThatThrownBy(() -> run("manual.json")).isInstanceOf(PublishFailedException.class);
        assertThat(storedState(DISTRIBUTION_ID).get("active")).as("claim released, nothing recorded").isEmpty();
        assertThat(storedState(DISTRIBUTION_ID).get("claim").isNull()).isTrue();
        published();

        LocalWorld.stubSnsPublishAccepted(api);
        clock.advance(Duration.ofHours(1));
        run("manual.json");
        assertThat(published()).singleElement().satisfies(m -> assertThat(transition(m)).isEqualTo("NEW"));
    }

    @Test
    void twoOverlappingRuns_sendOneMessage() throws Exception {
        List<Thread> runs = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 2; i++) {
            runs.add(Thread.ofPlatform().start(() -> {
                try {
                    run("manual.json");
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread run : runs) {
            run.join();
        }

        assertThat(failures).isEmpty();
        assertThat(published()).singleElement().satisfies(m -> assertThat(transition(m)).isEqualTo("NEW"));
    }

    @Test
    void anSqsRedelivery_underFanOut_sendsOneMessage() throws Exception {
        JsonNode first = run("sqs-batch.json");
        JsonNode redelivered = run("sqs-batch.json");

        assertThat(first.toString()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(redelivered.toString()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(published()).singleElement().satisfies(m -> {
            assertThat(transition(m)).isEqualTo("NEW");
            assertThat(LocalWorld.attributes(m)).containsEntry("distributionId", DISTRIBUTION_ID);
        });
    }

    @Test
    void aDistributionThatCannotBeRead_keepsItsState_andResolvesNothing() throws Exception {
        run("manual.json");
        assertThat(published()).singleElement().satisfies(m -> assertThat(transition(m)).isEqualTo("NEW"));

        // the next run cannot read it
        LocalWorld.stubCloudFrontError(api, "/distribution/" + DISTRIBUTION_ID, 403, "AccessDenied",
                "User is not authorized to perform: cloudfront:GetDistribution");
        clock.advance(Duration.ofHours(1));
        run("manual.json");
        assertThat(published()).allSatisfy(m -> assertThat(transition(m)).isNotEqualTo("RESOLVED"));
        JsonNode kept = storedState(DISTRIBUTION_ID);
        assertThat(StreamSupport.stream(kept.get("active").spliterator(), false)
                .filter(f -> f.get("code").asText().equals("CERT_EXPIRED"))).singleElement()
                .satisfies(f -> assertThat(f.get("firstSeen").asText()).isEqualTo(START.toString()));
        assertThat(StateJson.fromJson(kept, "test").active()).extracting(t -> t.code())
                .contains("SOURCE_UNAVAILABLE");

        // readable again, still broken: its first sighting is the original one
        world.get().stubGetDistribution(api, CHANGED_POLICY_ID);
        clock.advance(Duration.ofHours(1));
        JsonNode report = run("manual.json");
        assertThat(published()).allSatisfy(m -> assertThat(transition(m)).isIn("CHANGED"));
        assertThat(legacyFinding(report).get("firstSeen").asText()).isEqualTo(START.toString());
    }
}
