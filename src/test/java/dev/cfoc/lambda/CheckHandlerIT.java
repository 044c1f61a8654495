package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.cfoc.aws.PublishFailedException;
import dev.cfoc.probe.CheckerNetwork;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.JsonReportWriter;
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
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.cfoc.testing.LocalWorld.CHANGED_POLICY_ID;
import static dev.cfoc.testing.LocalWorld.DISTRIBUTION_ID;
import static dev.cfoc.testing.LocalWorld.SECRET_HEADER_VALUE;
import static dev.cfoc.testing.LocalWorld.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The handler end to end, in-process: real SDK clients against WireMock speaking CloudFront REST-XML and the SNS
 * Query API, real TLS origins on loopback, the event files of {@code events/}.
 */
class CheckHandlerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("events");

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    @RegisterExtension
    static final PerClass<LocalWorld> world = PerClass.of(LocalWorld::start);

    private final RecordingContext context = new RecordingContext();

    @BeforeEach
    void snsAccepts() {
        LocalWorld.stubSnsPublishAccepted(api);
    }

    private LambdaSettings settings() {
        return LoopbackOrigins.lambdaSettings().withTopicArn(TOPIC).withTrustAnchors(world.get().rootPem);
    }

    private CheckHandler handler(LambdaSettings settings) {
        return new CheckHandler(new CheckService(settings, LocalWorld.clients(api),
                HostResolver.fixed(Map.of("localhost", "127.0.0.1")), Clock.systemUTC()), Clock.systemUTC());
    }

    private JsonNode invoke(CheckHandler handler, byte[] event) throws Exception {
        var output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), output, context);
        return JSON.readTree(output.toByteArray());
    }

    private JsonNode invoke(String eventFile) throws Exception {
        return invoke(handler(settings()), Files.readAllBytes(EVENTS.resolve(eventFile)));
    }

    private static JsonNode origin(JsonNode report, String originId) {
        return StreamSupport.stream(report.get("distributions").get(0).get("origins").spliterator(), false)
                .filter(o -> o.get("originId").asText().equals(originId)).findFirst().orElseThrow();
    }

    private static List<String> codes(JsonNode findings) {
        return StreamSupport.stream(findings.spliterator(), false).map(f -> f.get("code").asText()).toList();
    }

    @Test
    void cloudTrailUpdateDistribution_reportsTheExpiredOrigin_andPublishesItToSns() throws Exception {
        // given
        world.get().stubGetDistribution(api, CHANGED_POLICY_ID);
        LocalWorld.stubOriginRequestPolicy(api, CHANGED_POLICY_ID);

        // when
        JsonNode report = invoke("cloudtrail-update-distribution.json");

        // then: the report, in the CLI's shape
        assertThat(report.get("distributions")).hasSize(1);
        JsonNode distribution = report.get("distributions").get(0);
        assertThat(distribution.get("id").asText()).isEqualTo(DISTRIBUTION_ID);
        assertThat(distribution.get("source").asText()).isEqualTo(CheckService.SOURCE);
        assertThat(distribution.get("findings")).isEmpty();
        assertThat(origin(report, "legacy").get("verdict").asText()).isEqualTo("ERROR");
        assertThat(codes(origin(report, "legacy").get("findings"))).containsExactly("CERT_EXPIRED");
        assertThat(origin(report, "app").get("verdict").asText()).isEqualTo("OK");
        assertThat(origin(report, "app").get("probes").get(0).get("sni").asText())
                .as("the custom origin request policy forwards Host, so the alias is the SNI")
                .isEqualTo("www.example.com");
        api.verify(1, getRequestedFor(urlEqualTo("/2020-05-31/origin-request-policy/" + CHANGED_POLICY_ID)));

        // and: one SNS message for the distribution, carrying the finding
        List<Map<String, String>> published = LocalWorld.publishRequests(api);
        assertThat(published).hasSize(1);
        Map<String, String> message = published.get(0);
        assertThat(message.get("TopicArn")).isEqualTo(TOPIC.value());
        assertThat(message.get("Subject")).startsWith("[ERROR] " + DISTRIBUTION_ID + ": 1 origin failing (CERT_EXPIRED)")
                .hasSizeLessThan(100).doesNotContain("\n");
        assertThat(LocalWorld.attributes(message)).containsEntry("severity", "ERROR")
                .containsEntry("distributionId", DISTRIBUTION_ID).containsEntry("codes", "[\"CERT_EXPIRED\"]");
        assertThat(message.get("Message"))
                .contains("[ERROR] CERT_EXPIRED at origin legacy (localhost), port " + world.get().expired.port())
                .contains("fix: Renew the expired certificate")
                .contains("reproduce: openssl s_client -connect localhost:" + world.get().expired.port())
                .contains("\"code\" : \"CERT_EXPIRED\"")
                .doesNotContain(SECRET_HEADER_VALUE);
        assertThat(report.toString()).doesNotContain(SECRET_HEADER_VALUE);
        assertThat(context.log()).doesNotContain(SECRET_HEADER_VALUE);

        // and: every finding is a structured log line naming its distribution and origin
        assertThat(context.log().lines().filter(l -> l.startsWith("{")).map(CheckHandlerIT::parse))
                .anySatisfy(line -> {
                    assertThat(line.path("code").asText()).isEqualTo("CERT_EXPIRED");
                    assertThat(line.path("level").asText()).isEqualTo("ERROR");
                    assertThat(line.path("distributionId").asText()).isEqualTo(DISTRIBUTION_ID);
                    assertThat(line.path("originId").asText()).isEqualTo("legacy");
                });
    }

    @Test
    void continuousDeploymentEvent_checksTheStagingDistributionAsItsPrimarysNames_readingThePolicyOnce()
            throws Exception {
        // given: the policy names the staging distribution; the main distribution (its primary) names the policy
        world.get().stubStaging(api);
        world.get().stubGetDistribution(api, CHANGED_POLICY_ID);
        LocalWorld.stubOriginRequestPolicy(api, CHANGED_POLICY_ID);

        // when
        JsonNode report = invoke("cloudtrail-update-continuous-deployment-policy.json");

        // then: intake (which staging distributions the policy names) and sources (whose policy names this staging
        // distribution) share the run's lookups, so the policy is read once
        assertThat(report.get("distributions")).singleElement()
                .satisfies(d -> assertThat(d.get("id").asText()).isEqualTo(LocalWorld.STAGING_ID));
        assertThat(report.get("distributions").get(0).get("origins").findValuesAsText("sni"))
                .contains("www.example.com");
        api.verify(1, getRequestedFor(urlEqualTo("/2020-05-31/continuous-deployment-policy/"
                + LocalWorld.CONTINUOUS_DEPLOYMENT_POLICY_ID)));
    }

    @Test
    void withoutAllowPrivateOrigins_originsOnLoopbackAreReportedAndNeverConnectedTo() throws Exception {
        // given: the function's default settings (no ALLOW_PRIVATE_ORIGINS); its origins resolve to 127.0.0.1
        world.get().stubGetDistribution(api, CHANGED_POLICY_ID);
        LocalWorld.stubOriginRequestPolicy(api, CHANGED_POLICY_ID);
        int connectionsBefore = world.get().expired.connections() + world.get().healthy.connections();
        String expected = CheckerNetwork.detect().isPrivate() ? "ORIGIN_PRIVATE_ANSWER" : "ORIGIN_NOT_PUBLIC";

        // when
        JsonNode report = invoke(handler(LambdaSettings.defaults().withTopicArn(TOPIC)
                .withTrustAnchors(world.get().rootPem)), Files.readAllBytes(EVENTS.resolve("manual.json")));

        // then
        for (String originId : List.of("legacy", "app")) {
            assertThat(codes(origin(report, originId).get("findings"))).isNotEmpty().containsOnly(expected);
        }
        assertThat(world.get().expired.connections() + world.get().healthy.connections()).as("no connection")
                .isEqualTo(connectionsBefore);
    }

    @Test
    void invocationWithTooLittleTimeLeft_reportsOriginsAsNotCheckedDeadline_andStillPublishes() throws Exception {
        // given: 10 s left, less than the run's margin, so no probe may start
        world.get().stubGetDistribution(api, CHANGED_POLICY_ID);
        LocalWorld.stubOriginRequestPolicy(api, CHANGED_POLICY_ID);
        var shortContext = new RecordingContext(10_000);
        int connectionsBefore = world.get().expired.connections() + world.get().healthy.connections();

        // when
        var output = new ByteArrayOutputStream();
        handler(settings()).handleRequest(new ByteArrayInputStream(
                Files.readAllBytes(EVENTS.resolve("cloudtrail-update-distribution.json"))), output, shortContext);
        JsonNode report = JSON.readTree(output.toByteArray());

        // then: every origin is reported as not checked, none as broken, and the run is still published
        for (String originId : List.of("legacy", "app")) {
            assertThat(codes(origin(report, originId).get("findings"))).containsOnly("NOT_CHECKED_DEADLINE");
            assertThat(origin(report, originId).get("verdict").asText()).isEqualTo("WARNING");
        }
        assertThat(world.get().expired.connections() + world.get().healthy.connections()).as("no connection was made")
                .isEqualTo(connectionsBefore);
        assertThat(LocalWorld.publishRequests(api)).singleElement()
                .satisfies(m -> assertThat(LocalWorld.attributes(m)).containsEntry("codes", "[\"NOT_CHECKED_DEADLINE\"]"));
        assertThat(shortContext.log()).contains("2 connection(s) not checked: the invocation's time ran out");
    }

    @Test
    void snsFailure_failsTheInvocation_afterLoggingTheFindings_withoutSecrets() throws Exception {
        // given
        LocalWorld.stubSnsPublishDenied(api);
        world.get().stubGetDistribution(api, LocalWorld.MANAGED_CORS_CUSTOM_ORIGIN);
        byte[] event = Files.readAllBytes(EVENTS.resolve("manual.json"));
        CheckHandler handler = handler(settings());

        // when / then
        assertThatThrownBy(() -> invoke(handler, event)).isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("AuthorizationError");
        List<JsonNode> logLines = context.lines().stream().map(l -> parse(l.text())).toList();
        assertThat(logLines).allSatisfy(line -> assertThat(line.fieldNames()).toIterable()
                .contains("timestamp", "level", "message", "requestId"));
        assertThat(logLines).anySatisfy(line -> {
            assertThat(line.path("level").asText()).isEqualTo("ERROR");
            assertThat(line.path("code").asText()).isEqualTo("CERT_EXPIRED");
            assertThat(line.path("distributionId").asText()).isEqualTo(DISTRIBUTION_ID);
            assertThat(line.path("originId").asText()).isEqualTo("legacy");
            assertThat(line.path("reproduce").asText()).startsWith("openssl s_client");
        });
        assertThat(context.lines()).anySatisfy(l -> assertThat(l.level()).isEqualTo(LogLevel.ERROR));
        assertThat(context.log()).doesNotContain(SECRET_HEADER_VALUE);
    }

    @Test
    void unknownEvent_isAStructuredBadEventResult_notAnException() throws Exception {
        // when
        JsonNode result = invoke(handler(settings()), "{\"Records\": [{\"eventSource\": \"aws:s3\"}]}"
                .getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(result.get("error").get("type").asText()).isEqualTo("BadEvent");
        assertThat(result.get("error").get("message").asText()).contains("Scheduled Event").contains("distributionIds");
        assertThat(result.has("distributions")).isFalse();
        assertThat(context.lines()).singleElement().satisfies(l -> assertThat(l.level()).isEqualTo(LogLevel.ERROR));
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void eventThatIsNotJson_isABadEventNamingWhere() throws Exception {
        JsonNode result = invoke(handler(settings()), "{\"distributionIds\": [".getBytes(StandardCharsets.UTF_8));

        assertThat(result.get("error").get("type").asText()).isEqualTo("BadEvent");
        assertThat(result.get("error").get("message").asText()).startsWith("event is not valid JSON (line 1");
    }

    @Test
    void distributionTheApiCannotGive_isASourceUnavailableFinding_andIsPublished() throws Exception {
        // given
        LocalWorld.stubCloudFrontError(api, "/distribution/" + DISTRIBUTION_ID, 404, "NoSuchDistribution",
                "The specified distribution does not exist.");

        // when
        JsonNode report = invoke("cloudtrail-update-distribution.json");

        // then
        JsonNode distribution = report.get("distributions").get(0);
        assertThat(distribution.get("id").asText()).isEqualTo(DISTRIBUTION_ID);
        assertThat(distribution.get("origins")).isEmpty();
        JsonNode finding = distribution.get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("SOURCE_UNAVAILABLE");
        assertThat(finding.get("severity").asText()).isEqualTo("WARNING");
        assertThat(finding.get("originId").isNull()).isTrue();
        assertThat(finding.get("message").asText()).contains("NoSuchDistribution");
        assertThat(report.get("summary").get("warnings").asInt()).isEqualTo(1);
        assertThat(LocalWorld.attributes(LocalWorld.publishRequests(api).get(0)))
                .containsEntry("severity", "WARNING").containsEntry("codes", "[\"SOURCE_UNAVAILABLE\"]");
    }

    @Test
    void findingsBelowMinSeverity_areReportedButNotPublished() throws Exception {
        // given
        LocalWorld.stubCloudFrontError(api, "/distribution/" + DISTRIBUTION_ID, 404, "NoSuchDistribution",
                "The specified distribution does not exist.");
        var errorsOnly = LambdaSettings.fromEnvironment(LoopbackOrigins.lambdaEnvironment(Map.of(
                LambdaSettings.TOPIC_ARN, TOPIC.value(), LambdaSettings.MIN_SEVERITY, "ERROR")));

        // when
        JsonNode report = invoke(handler(errorsOnly), Files.readAllBytes(EVENTS.resolve("manual.json")));

        // then
        assertThat(report.get("summary").get("warnings").asInt()).isEqualTo(1);
        assertThat(LocalWorld.publishRequests(api)).isEmpty();
    }

    @Test
    void listingFailure_stillGivesAReport_withANotListedFinding() throws Exception {
        // given
        LocalWorld.stubCloudFrontError(api, "/distribution", 403, "AccessDenied",
                "User is not authorized to perform: cloudfront:ListDistributions");

        // when
        JsonNode report = invoke("scheduled.json");

        // then
        JsonNode distribution = report.get("distributions").get(0);
        assertThat(distribution.get("id").asText()).isEqualTo("(not listed)");
        assertThat(codes(distribution.get("findings"))).containsExactly("SOURCE_UNAVAILABLE");
        assertThat(distribution.get("findings").get(0).get("message").asText()).contains("AccessDenied");
        assertThat(LocalWorld.attributes(LocalWorld.publishRequests(api).get(0)))
                .as("nothing could be listed: a message about the run").containsEntry("distributionId", AlertBuilder.RUN_LABEL);
    }

    @Test
    void customPolicyThatCannotBeRead_isADistributionFinding_withTheReason() throws Exception {
        // given
        world.get().stubGetDistribution(api, CHANGED_POLICY_ID);
        LocalWorld.stubCloudFrontError(api, "/origin-request-policy/" + CHANGED_POLICY_ID, 403, "AccessDenied",
                "User is not authorized to perform: cloudfront:GetOriginRequestPolicy");

        // when
        JsonNode report = invoke("manual.json");

        // then
        JsonNode distribution = report.get("distributions").get(0);
        assertThat(codes(distribution.get("findings"))).containsExactly("POLICY_UNRESOLVED");
        JsonNode finding = distribution.get("findings").get(0);
        assertThat(finding.get("evidence").get("reason").asText()).startsWith("GetOriginRequestPolicy " + CHANGED_POLICY_ID
                + ": AccessDenied");
        assertThat(finding.get("evidence").get("behaviors").asText()).isEqualTo("default behavior (*)");
        assertThat(finding.get("remediation").asText()).startsWith("Grant the checker cloudfront:GetCachePolicy");
        assertThat(codes(origin(report, "app").get("findings"))).as("once per policy: on the distribution")
                .doesNotContain("POLICY_UNRESOLVED");
        assertThat(origin(report, "app").get("notes").toString()).contains("UNKNOWN");
    }

    @Test
    void distributionFailingValidation_isASourceUnavailableFinding_notACrash() throws Exception {
        // given: a GetDistribution answer without Origins
        api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/2020-05-31/distribution/"
                + DISTRIBUTION_ID)).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(200).withHeader("Content-Type", "text/xml").withBody(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Distribution xmlns=\"http://cloudfront.amazonaws.com/"
                                + "doc/2020-05-31/\"><Id>" + DISTRIBUTION_ID + "</Id><DomainName>d1.cloudfront.net"
                                + "</DomainName><DistributionConfig><CallerReference>x</CallerReference><Comment></Comment>"
                                + "<Enabled>true</Enabled></DistributionConfig></Distribution>")));

        // when
        JsonNode report = invoke("manual.json");

        // then
        JsonNode finding = report.get("distributions").get(0).get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("SOURCE_UNAVAILABLE");
        assertThat(finding.get("evidence").get("validationError").asText()).contains("Origins");
    }

    @Test
    void scheduleWithDistributionIds_readsThoseDistributions_withoutListing() throws Exception {
        // given
        world.get().stubGetDistribution(api, LocalWorld.MANAGED_CORS_CUSTOM_ORIGIN);
        var only = LambdaSettings.fromEnvironment(LoopbackOrigins.lambdaEnvironment(Map.of("DISTRIBUTION_IDS",
                DISTRIBUTION_ID, "TOPIC_ARN", TOPIC.value(), "TRUST_ANCHORS", world.get().rootPem.toString())));

        // when
        JsonNode report = invoke(handler(only), Files.readAllBytes(EVENTS.resolve("scheduled.json")));

        // then
        assertThat(report.get("distributions")).singleElement()
                .satisfies(d -> assertThat(d.get("id").asText()).isEqualTo(DISTRIBUTION_ID));
        api.verify(0, getRequestedFor(urlEqualTo("/2020-05-31/distribution")));
        api.verify(1, getRequestedFor(urlEqualTo("/2020-05-31/distribution/" + DISTRIBUTION_ID)));
    }

    @Test
    void failedApiCallEvent_isIgnored_withAnEmptyReport_andNoApiCalls() throws Exception {
        // given
        String event = """
                {"detail-type": "AWS API Call via CloudTrail", "source": "aws.cloudfront",
                 "detail": {"eventSource": "cloudfront.amazonaws.com", "eventName": "UpdateDistribution",
                            "errorCode": "PreconditionFailed", "requestParameters": {"id": "E2QWRUHAPOMQZL"}}}""";

        // when
        JsonNode report = invoke(handler(settings()), event.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(report.get("distributions")).isEmpty();
        assertThat(report.get("summary").get("distributions").asInt()).isZero();
        assertThat(context.log()).contains("event ignored: UpdateDistribution failed with PreconditionFailed");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void handle_saysWhatTheInvocationCameTo_andAnswersWithTheBytesHandleRequestWrites() throws Exception {
        // given
        world.get().stubGetDistribution(api, LocalWorld.MANAGED_CORS_CUSTOM_ORIGIN);
        var reportAnswer = new ByteArrayOutputStream();
        var badEventAnswer = new ByteArrayOutputStream();

        // when
        CheckHandler.Outcome reported = handler(settings()).handle(
                new ByteArrayInputStream(Files.readAllBytes(EVENTS.resolve("manual.json"))), reportAnswer, context);
        CheckHandler.Outcome badEvent = handler(settings()).handle(
                new ByteArrayInputStream("{\"distributionIds\": [".getBytes(StandardCharsets.UTF_8)), badEventAnswer,
                context);

        // then
        assertThat(reported).isInstanceOfSatisfying(CheckHandler.Outcome.Reported.class, r -> {
            assertThat(r.report().distributions()).extracting(DistributionReport::label).containsExactly(DISTRIBUTION_ID);
            assertThat(reportAnswer.toString(StandardCharsets.UTF_8)).isEqualTo(new JsonReportWriter().write(r.report()));
        });
        assertThat(badEvent).isInstanceOfSatisfying(CheckHandler.Outcome.BadEvent.class, b -> {
            assertThat(b.message()).startsWith("event is not valid JSON (line 1");
            assertThat(badEventAnswer.toString(StandardCharsets.UTF_8)).isEqualTo(CheckHandler.badEvent(b.message()));
        });
    }

    @Test
    void handle_returnsTheFailure_thatHandleRequestThrowsToLambda() throws Exception {
        LocalWorld.stubSnsPublishDenied(api);
        world.get().stubGetDistribution(api, LocalWorld.MANAGED_CORS_CUSTOM_ORIGIN);

        CheckHandler.Outcome outcome = handler(settings()).handle(
                new ByteArrayInputStream(Files.readAllBytes(EVENTS.resolve("manual.json"))), new ByteArrayOutputStream(),
                context);

        assertThat(outcome).isInstanceOfSatisfying(CheckHandler.Outcome.Failed.class, f -> assertThat(f.error())
                .isInstanceOf(PublishFailedException.class).hasMessageContaining("AuthorizationError"));
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("log line is not JSON: " + line, e);
        }
    }
}
