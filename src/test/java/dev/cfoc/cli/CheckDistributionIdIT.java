package dev.cfoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.testing.LocalWorld;
import dev.cfoc.testing.PerClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --distribution-id}: the real SDK client with the default credentials chain and endpoint resolution,
 * pointed at WireMock (speaking CloudFront REST-XML) through the SDK's standard system properties.
 */
class CheckDistributionIdIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PROPERTIES = List.of("aws.endpointUrlCloudFront", "aws.accessKeyId",
            "aws.secretAccessKey");

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    @RegisterExtension
    static final PerClass<LocalWorld> world = PerClass.of(LocalWorld::start);

    @BeforeEach
    void pointTheSdkAtWireMock() {
        System.setProperty("aws.endpointUrlCloudFront", api.baseUrl());
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    }

    @AfterEach
    void clearProperties() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void distributionId_isReadFromTheApi_withItsCustomPolicy_andChecked() throws Exception {
        world.get().stubGetDistribution(api, LocalWorld.CHANGED_POLICY_ID);
        LocalWorld.stubOriginRequestPolicy(api, LocalWorld.CHANGED_POLICY_ID);

        CliRun run = CliRun.checkLoopback("--distribution-id", LocalWorld.DISTRIBUTION_ID,
                "--trust-anchors", world.get().rootPem.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode distribution = JSON.readTree(run.out()).get("distributions").get(0);
        assertThat(distribution.get("id").asText()).isEqualTo(LocalWorld.DISTRIBUTION_ID);
        assertThat(distribution.get("source").asText()).isEqualTo("cloudfront-api");
        JsonNode legacy = origin(distribution, "legacy");
        assertThat(legacy.get("verdict").asText()).isEqualTo("ERROR");
        assertThat(legacy.get("findings").get(0).get("code").asText()).isEqualTo("CERT_EXPIRED");
        assertThat(origin(distribution, "app").get("probes").get(0).get("sni").asText())
                .as("the custom origin request policy (read from the API) forwards Host")
                .isEqualTo("www.example.com");
        api.verify(1, getRequestedFor(urlEqualTo("/2020-05-31/origin-request-policy/" + LocalWorld.CHANGED_POLICY_ID)));
        assertThat(run.out() + run.err()).doesNotContain(LocalWorld.SECRET_HEADER_VALUE);
    }

    @Test
    void unknownDistributionId_isASourceUnavailableFinding_notACrash() throws Exception {
        LocalWorld.stubCloudFrontError(api, "/distribution/E3NOSUCHDIST1", 404, "NoSuchDistribution",
                "The specified distribution does not exist.");

        CliRun run = CliRun.of("check", "--distribution-id", "E3NOSUCHDIST1", "--format", "json", "--fail-on", "warning");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode finding = JSON.readTree(run.out()).get("distributions").get(0).get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("SOURCE_UNAVAILABLE");
        assertThat(finding.get("message").asText()).contains("NoSuchDistribution");
        assertThat(run.err()).contains("warning: GetDistribution E3NOSUCHDIST1");
    }

    @Test
    void malformedDistributionId_isBadUsageNamingTheOption() {
        CliRun run = CliRun.of("check", "--distribution-id", "dist-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--distribution-id: 'dist-1' is not a distribution id");
        assertThat(run.out()).isEmpty();
    }

    private static JsonNode origin(JsonNode distribution, String id) {
        return StreamSupport.stream(distribution.get("origins").spliterator(), false)
                .filter(o -> o.get("originId").asText().equals(id)).findFirst().orElseThrow();
    }
}
