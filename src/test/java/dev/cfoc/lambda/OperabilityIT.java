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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

import static dev.cfoc.testing.LocalWorld.CHANGED_POLICY_ID;
import static dev.cfoc.testing.LocalWorld.DISTRIBUTION_ID;
import static dev.cfoc.testing.LocalWorld.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Suppressions and EMF metrics through the whole function: WireMock CloudFront/SNS, real TLS origins. */
class OperabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    @RegisterExtension
    static final PerClass<LocalWorld> world = PerClass.of(LocalWorld::start);

    private final RecordingContext context = new RecordingContext();
    private final List<String> metrics = new CopyOnWriteArrayList<>();

    @BeforeEach
    void stubs() {
        LocalWorld.stubSnsPublishAccepted(api);
        world.get().stubGetDistribution(api, CHANGED_POLICY_ID);
        LocalWorld.stubOriginRequestPolicy(api, CHANGED_POLICY_ID);
    }

    private JsonNode invoke(Map<String, String> extraEnv) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(LambdaSettings.TOPIC_ARN, TOPIC.value(),
                LambdaSettings.TRUST_ANCHORS, world.get().rootPem.toString()));
        env.putAll(extraEnv);
        var service = new CheckService(LambdaSettings.fromEnvironment(LoopbackOrigins.lambdaEnvironment(env)),
                LocalWorld.clients(api), HostResolver.fixed(Map.of("localhost", "127.0.0.1")), Clock.systemUTC(),
                metrics::add);
        var output = new ByteArrayOutputStream();
        new CheckHandler(service, Clock.systemUTC()).handleRequest(
                new ByteArrayInputStream(Files.readAllBytes(Path.of("events/manual.json"))), output, context);
        return JSON.readTree(output.toByteArray());
    }

    private static JsonNode legacyFinding(JsonNode report) {
        return StreamSupport.stream(report.get("distributions").get(0).get("origins").spliterator(), false)
                .filter(o -> o.get("originId").asText().equals("legacy")).findFirst().orElseThrow()
                .get("findings").get(0);
    }

    @Test
    void run_emitsEmfMetrics_countingTheExpiredOrigin() throws Exception {
        invoke(Map.of());

        assertThat(metrics).hasSize(2);
        JsonNode totals = JSON.readTree(metrics.getFirst());
        EmfMetricsTest.assertValidEmf(totals, List.of());
        assertThat(totals.get("FindingsError").asInt()).isEqualTo(1);
        assertThat(totals.get("OriginsChecked").asInt()).isEqualTo(2);
        assertThat(totals.get("DistributionsChecked").asInt()).isEqualTo(1);
        assertThat(totals.get("RunDurationMs").asLong()).isPositive();
        JsonNode byCode = JSON.readTree(metrics.get(1));
        assertThat(byCode.get("Code").asText()).isEqualTo("CERT_EXPIRED");
        assertThat(LocalWorld.publishRequests(api)).hasSize(1);
    }

    @Test
    void suppressedFinding_isReportedMarked_butNotPublishedNorCounted() throws Exception {
        String until = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        JsonNode report = invoke(Map.of(LambdaSettings.SUPPRESSIONS, "[{\"distributionId\": \"" + DISTRIBUTION_ID
                + "\", \"originId\": \"legacy\", \"code\": \"CERT_EXPIRED\", \"until\": \"" + until
                + "\", \"reason\": \"legacy origin retired next week\"}]"));

        JsonNode finding = legacyFinding(report);
        assertThat(finding.get("code").asText()).isEqualTo("CERT_EXPIRED");
        assertThat(finding.get("suppressed").get("until").asText()).isEqualTo(until);
        assertThat(finding.get("suppressed").get("reason").asText()).isEqualTo("legacy origin retired next week");
        assertThat(report.get("summary").get("errors").asInt()).isZero();
        assertThat(report.get("summary").get("suppressed").asInt()).isEqualTo(1);
        assertThat(LocalWorld.publishRequests(api)).isEmpty();
        JsonNode totals = JSON.readTree(metrics.getFirst());
        assertThat(totals.get("FindingsError").asInt()).isZero();
        assertThat(totals.get("FindingsSuppressed").asInt()).isEqualTo(1);
        assertThat(context.log()).contains("finding suppressed").contains("\"distributionId\":\"" + DISTRIBUTION_ID + "\"");
    }

    @Test
    void expiredSuppression_isIgnored_noted_andLogged() throws Exception {
        JsonNode report = invoke(Map.of(LambdaSettings.SUPPRESSIONS, "[{\"distributionId\": \"" + DISTRIBUTION_ID
                + "\", \"code\": \"CERT_EXPIRED\", \"until\": \"2020-01-31\", \"reason\": \"old\"}]"));

        assertThat(legacyFinding(report).get("suppressed").isNull()).isTrue();
        assertThat(report.get("notes").get(0).asText()).contains("expired on 2020-01-31 and was ignored");
        assertThat(LocalWorld.publishRequests(api)).hasSize(1);
        assertThat(context.log()).contains("suppression expired and was ignored");
    }

    @Test
    void invalidSuppressions_failAtStartNamingTheVariableAndField() {
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of(LambdaSettings.SUPPRESSIONS,
                "[{\"distributionId\": \"" + DISTRIBUTION_ID + "\", \"code\": \"CERT_EXPIRED\", \"until\": \"soon\", "
                        + "\"reason\": \"r\"}]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SUPPRESSIONS: [0].until: must be a date like 2026-12-31, got 'soon'");
    }
}
