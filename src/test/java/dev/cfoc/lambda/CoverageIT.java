package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.testing.LocalWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.cfoc.testing.LocalWorld.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checked nothing is not all clear, in the function: a scheduled run that cannot list the account's distributions
 * publishes an alert whatever MIN_SEVERITY says, and its metrics say nothing was checked.
 */
class CoverageIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    private final RecordingContext context = new RecordingContext();
    private final List<String> metrics = new CopyOnWriteArrayList<>();

    @BeforeEach
    void stubs() {
        LocalWorld.stubSnsPublishAccepted(api);
        LocalWorld.stubCloudFrontError(api, "/distribution", 403, "AccessDenied",
                "User is not authorized to perform: cloudfront:ListDistributions");
    }

    private JsonNode invokeScheduled(Map<String, String> env) throws Exception {
        var service = new CheckService(LambdaSettings.fromEnvironment(env), LocalWorld.clients(api),
                HostResolver.fixed(Map.of()), Clock.systemUTC(), metrics::add);
        var output = new ByteArrayOutputStream();
        new CheckHandler(service, Clock.systemUTC()).handleRequest(
                new ByteArrayInputStream(Files.readAllBytes(Path.of("events/scheduled.json"))), output, context);
        return JSON.readTree(output.toByteArray());
    }

    @Test
    void scheduledRunThatCannotListDistributions_publishesAnAlert_evenAboveItsSeverity() throws Exception {
        JsonNode report = invokeScheduled(Map.of(LambdaSettings.TOPIC_ARN, TOPIC.value(),
                LambdaSettings.MIN_SEVERITY, "ERROR"));

        assertThat(report.get("summary").get("coverage").get("distributions").get("checked").asInt()).isZero();
        assertThat(LocalWorld.publishRequests(api)).singleElement().satisfies(message -> {
            assertThat(LocalWorld.attributes(message)).containsEntry("distributionId", AlertBuilder.RUN_LABEL);
            assertThat(LocalWorld.attributes(message).get("codes")).contains("SOURCE_UNAVAILABLE");
            assertThat(message.get("Message")).contains("NOTHING WAS CHECKED").contains("AccessDenied")
                    .contains("cloudfront:ListDistributions");
        });
    }

    @Test
    void scheduledRunThatCannotListDistributions_reportsNotChecked_andNoDistributionChecked() throws Exception {
        invokeScheduled(Map.of());

        JsonNode totals = JSON.readTree(metrics.getFirst());
        EmfMetricsTest.assertValidEmf(totals, List.of());
        assertThat(totals.get(EmfMetrics.DISTRIBUTIONS_CHECKED).asInt()).isZero();
        assertThat(totals.get(EmfMetrics.NOT_CHECKED).asInt()).isEqualTo(1);
        assertThat(context.log()).contains("\"notChecked\":\"1\"").contains("\"distributionsChecked\":\"0\"");
    }
}
