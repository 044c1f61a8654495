package dev.cfoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.testing.LocalWorld;
import dev.cfoc.testing.PerClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code invoke --event FILE} on every file of {@code events/} (each must have its expectation), against WireMock (CloudFront REST-XML and SNS Query
 * API) given with {@code --env AWS_ENDPOINT_URL=…}, and real TLS origins on localhost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvokeCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every --event file the tests of this class invoked the handler with. */
    private static final Set<String> INVOKED = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    @RegisterExtension
    static final PerClass<LocalWorld> world = PerClass.of(LocalWorld::start);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void stubApis() {
        world.get().stubEventFiles(api);
        LocalWorld.stubSnsPublishAccepted(api);
    }

    private int invoke(String... extra) {
        List<String> args = new ArrayList<>(List.of("invoke", "--timeout", "120",
                "--env", "AWS_ENDPOINT_URL=" + api.baseUrl(),
                "--env", "AWS_ACCESS_KEY_ID=" + LocalWorld.ACCESS_KEY,
                "--env", "AWS_SECRET_ACCESS_KEY=" + LocalWorld.SECRET_KEY,
                "--env", "TOPIC_ARN=" + LocalWorld.TOPIC.value(),
                "--env", "TRUST_ANCHORS=" + world.get().rootPem,
                "--env", "DISTRIBUTION_IDS=",
                "--env", "MIN_SEVERITY=WARNING",
                "--env", LoopbackOrigins.INVOKE_ENV));
        args.addAll(Arrays.asList(extra));
        for (int i = 0; i + 1 < extra.length; i++) {
            if (extra[i].equals("--event")) {
                INVOKED.add(Path.of(extra[i + 1]).normalize().toString());
            }
        }
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    }

    private JsonNode stdout() throws Exception {
        return JSON.readTree(out.toString());
    }

    /**
     * What each file of {@code events/} must come to: the distributions checked, the one published (with its expired
     * certificate), and the CloudFront call that shows the event was understood. A file without a row here fails
     * {@link #everyEventFile_givesItsReport_andOneSnsMessage}: every sample event is run.
     */
    private record Expected(List<String> checked, String published, String apiCall, boolean staging) {
    }

    private static final String API = "/2020-05-31";
    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("scheduled.json", new Expected(List.of(LocalWorld.DISTRIBUTION_ID,
                    LocalWorld.OTHER_DISTRIBUTION_ID), LocalWorld.DISTRIBUTION_ID, API + "/distribution", false)),
            Map.entry("manual.json", new Expected(List.of(LocalWorld.DISTRIBUTION_ID), LocalWorld.DISTRIBUTION_ID,
                    API + "/distribution/" + LocalWorld.DISTRIBUTION_ID, false)),
            Map.entry("cloudtrail-update-distribution.json", new Expected(List.of(LocalWorld.DISTRIBUTION_ID),
                    LocalWorld.DISTRIBUTION_ID, API + "/distribution/" + LocalWorld.DISTRIBUTION_ID, false)),
            Map.entry("cloudtrail-associate-alias.json", new Expected(List.of(LocalWorld.DISTRIBUTION_ID),
                    LocalWorld.DISTRIBUTION_ID, API + "/distribution/" + LocalWorld.DISTRIBUTION_ID, false)),
            Map.entry("cloudtrail-update-origin-request-policy.json", new Expected(
                    List.of(LocalWorld.DISTRIBUTION_ID), LocalWorld.DISTRIBUTION_ID,
                    API + "/distributionsByOriginRequestPolicyId/" + LocalWorld.CHANGED_POLICY_ID, false)),
            Map.entry("cloudtrail-create-distribution-tenant.json", new Expected(List.of(LocalWorld.DISTRIBUTION_ID),
                    LocalWorld.DISTRIBUTION_ID, API + "/distribution-tenant/" + LocalWorld.TENANT_ID, false)),
            Map.entry("cloudtrail-update-distribution-tenant.json", new Expected(List.of(LocalWorld.DISTRIBUTION_ID),
                    LocalWorld.DISTRIBUTION_ID, API + "/distribution-tenant/" + LocalWorld.TENANT_ID, false)),
            Map.entry("cloudtrail-update-domain-association.json", new Expected(List.of(LocalWorld.DISTRIBUTION_ID),
                    LocalWorld.DISTRIBUTION_ID, API + "/distribution-tenant/" + LocalWorld.TENANT_ID, false)),
            Map.entry("cloudtrail-update-continuous-deployment-policy.json", new Expected(
                    List.of(LocalWorld.STAGING_ID), LocalWorld.STAGING_ID,
                    API + "/continuous-deployment-policy/" + LocalWorld.CONTINUOUS_DEPLOYMENT_POLICY_ID, true)));

    static Stream<String> eventFiles() throws IOException {
        try (var list = Files.list(Path.of("events"))) {
            return list.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventFiles")
    void everyEventFile_givesItsReport_andOneSnsMessage(String file) throws Exception {
        if (file.equals("sqs-batch.json")) {
            sqsBatchEventFile_printsOnlyTheBatchResponse_andPublishesTheBrokenDistribution();
            return;
        }
        Expected expected = EXPECTED.get(file);
        assertThat(expected).as("events/" + file + " has no expectation in this test: add one").isNotNull();
        if (expected.staging()) {
            world.get().stubStaging(api);
        }

        // when
        int exit = invoke("--event", "events/" + file);

        // then
        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = stdout();
        assertThat(StreamSupport.stream(report.get("distributions").spliterator(), false)
                .map(d -> d.get("id").asText())).containsExactlyElementsOf(expected.checked());
        JsonNode broken = report.get("distributions").get(0);
        assertThat(broken.get("origins").findValuesAsText("code")).containsExactly("CERT_EXPIRED");
        assertThat(report.get("summary").get("errors").asInt()).isEqualTo(1);

        List<Map<String, String>> published = LocalWorld.publishRequests(api);
        assertThat(published).singleElement().satisfies(message -> {
            assertThat(message.get("Subject")).startsWith("[ERROR] " + expected.published());
            assertThat(LocalWorld.attributes(message)).containsEntry("codes", "[\"CERT_EXPIRED\"]")
                    .containsEntry("distributionId", expected.published());
        });
        api.verify(getRequestedFor(urlPathEqualTo(expected.apiCall())));
        assertThat(err.toString().lines()).as("log lines, and the EMF metric lines that stdout carries in Lambda")
                .isNotEmpty().allSatisfy(line -> assertThat(JSON.readTree(line).has("level")
                        || JSON.readTree(line).has("_aws")).isTrue());
        assertThat(err.toString()).contains("\"Namespace\":\"CloudFrontOriginChecker\"");
        assertThat(out.toString() + err).doesNotContain(LocalWorld.SECRET_HEADER_VALUE);
    }

    @Test
    void policyChange_readsOnlyTheDistributionsTheApiSaysUseIt() throws Exception {
        int exit = invoke("--event", "events/cloudtrail-update-origin-request-policy.json");

        assertThat(exit).as(err.toString()).isZero();
        api.verify(0, getRequestedFor(urlPathEqualTo(API + "/distribution")));
        api.verify(1, getRequestedFor(urlEqualTo(API + "/origin-request-policy/" + LocalWorld.CHANGED_POLICY_ID)));
    }

    @Test
    void tenantEvent_checksTheParent_withTheTenantsDomainAsHostAndSni() throws Exception {
        int exit = invoke("--event", "events/cloudtrail-update-distribution-tenant.json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode app = StreamSupport.stream(stdout().get("distributions").get(0).get("origins").spliterator(), false)
                .filter(o -> o.get("originId").asText().equals("app")).findFirst().orElseThrow();
        assertThat(app.get("probes").findValuesAsText("sni")).contains(LocalWorld.TENANT_DOMAIN, "www.example.com");
    }

    @Test
    void continuousDeploymentEvent_checksTheStagingDistribution_withItsPrimarysAliases() throws Exception {
        world.get().stubStaging(api);

        int exit = invoke("--event", "events/cloudtrail-update-continuous-deployment-policy.json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode staging = stdout().get("distributions").get(0);
        assertThat(staging.get("id").asText()).isEqualTo(LocalWorld.STAGING_ID);
        assertThat(staging.get("origins").findValuesAsText("sni")).contains("www.example.com")
                .doesNotContain("d4staging0dist.cloudfront.net");
        assertThat(staging.get("origins").findValuesAsText("code")).doesNotContain("STAGING_PRIMARY_UNKNOWN");
    }

    @Test
    void inTheChinaPartition_cloudFrontIsSignedForCnNorthwest1() {
        int exit = invoke("--event", "events/manual.json", "--env", "AWS_REGION=cn-north-1");

        assertThat(exit).as(err.toString()).isZero();
        api.verify(getRequestedFor(urlEqualTo("/2020-05-31/distribution/" + LocalWorld.DISTRIBUTION_ID))
                .withHeader("Authorization", containing("/cn-northwest-1/cloudfront/aws4_request")));
    }

    @Test
    void sqsBatchEventFile_printsOnlyTheBatchResponse_andPublishesTheBrokenDistribution() throws Exception {
        // when
        int exit = invoke("--event", "events/sqs-batch.json");

        // then
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(LocalWorld.publishRequests(api)).singleElement().satisfies(message -> assertThat(
                LocalWorld.attributes(message)).containsEntry("distributionId", LocalWorld.DISTRIBUTION_ID));
        assertThat(err.toString()).contains("batch answered");
    }

    @Test
    void sqsBatchWhosePublishFails_exits1_namingEveryFailedMessage() throws Exception {
        LocalWorld.stubSnsPublishDenied(api);

        int exit = invoke("--event", "events/sqs-batch.json");

        assertThat(exit).isEqualTo(1);
        assertThat(stdout().get("batchItemFailures").findValuesAsText("itemIdentifier"))
                .containsExactly("2e1424d4-f796-459a-8184-9c92662be6da");
    }

    /** Runs last: what the tests above invoked, against what {@code events/} holds. */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyEventFile_isRunByATestHere() throws Exception {
        List<String> files;
        try (var list = Files.list(Path.of("events"))) {
            files = list.filter(p -> p.toString().endsWith(".json")).map(p -> p.normalize().toString()).toList();
        }
        assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(INVOKED).as("invoked with --event").contains(f));
    }

    @Test
    void malformedEventFile_exits2_withTheBadEventResult(@TempDir Path dir) throws Exception {
        Path event = dir.resolve("truncated.json");
        Files.writeString(event, "{\"distributionIds\": [\"E2QWRUHAPOMQZL\"");

        int exit = invoke("--event", event.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(stdout().get("error").get("type").asText()).isEqualTo("BadEvent");
        assertThat(LocalWorld.publishRequests(api)).isEmpty();
    }

    @Test
    void missingEventFile_exits2_namingTheFile() {
        int exit = invoke("--event", "events/no-such-event.json");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--event events/no-such-event.json: file not found");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void snsRefusingThePublish_exits1_withTheFunctionError_andTheFindingsInTheLog() throws Exception {
        LocalWorld.stubSnsPublishDenied(api);

        int exit = invoke("--event", "events/manual.json");

        assertThat(exit).isEqualTo(1);
        JsonNode error = stdout();
        assertThat(error.get("errorType").asText()).isEqualTo("dev.cfoc.aws.PublishFailedException");
        assertThat(error.get("errorMessage").asText()).contains("AuthorizationError");
        assertThat(err.toString()).contains("unpublished finding").contains("\"code\":\"CERT_EXPIRED\"")
                .doesNotContain(LocalWorld.SECRET_HEADER_VALUE);
    }

    @Test
    void invalidSetting_isBadUsage_exits2_namingTheVariable_beforeTheFunctionStarts() {
        int exit = invoke("--event", "events/manual.json", "--env", "MIN_SEVERITY=LOUD");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("error: MIN_SEVERITY must be one of [INFO, WARNING, ERROR], got 'LOUD'");
        assertThat(out.toString()).isEmpty();
        assertThat(api.getAllServeEvents()).as("nothing was called").isEmpty();
    }

    @Test
    void unreadableTrustAnchors_isBadUsage_exits2_namingTheVariable() {
        int exit = invoke("--event", "events/manual.json", "--env", "TRUST_ANCHORS=/nonexistent/roots.pem");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("error: TRUST_ANCHORS: ").contains("/nonexistent/roots.pem");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void badGlobalEndpoint_exits2_namingAwsEndpointUrlItself() {
        int exit = invoke("--event", "events/manual.json", "--env", "AWS_ENDPOINT_URL=not-a-url");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("error: --env AWS_ENDPOINT_URL: not a URL like http://127.0.0.1:4566: "
                + "not-a-url").doesNotContain("AWS_ENDPOINT_URL_");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void badServiceEndpoint_exits2_namingThatServicesVariable() {
        int exit = invoke("--event", "events/manual.json", "--env", "AWS_ENDPOINT_URL_SQS=::bad");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("error: --env AWS_ENDPOINT_URL_SQS: not a URL like "
                + "http://127.0.0.1:4566: ::bad");
    }

    @Test
    void badEndpointInTheProcessEnvironment_exits2_namingThatVariable(@TempDir Path dir) throws Exception {
        // the SDK reads the process environment by itself; a child JVM is the only way to give it one
        var command = ChildCli.command(List.of("invoke", "--event", "events/manual.json", "--timeout", "60"));
        command.environment().putAll(Map.of("AWS_ENDPOINT_URL", "not-a-url",
                "AWS_ACCESS_KEY_ID", LocalWorld.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", LocalWorld.SECRET_KEY,
                "AWS_REGION", "us-east-1"));

        ChildCli.Ended run = ChildCli.run(command, dir, Duration.ofMinutes(2));

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("error: AWS_ENDPOINT_URL: not a URL like http://127.0.0.1:4566: not-a-url")
                .doesNotContain("--env");
        assertThat(run.out()).isEmpty();
    }
}
