package dev.cfoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.testing.LocalWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checked nothing is not all clear: a run that could not read the account's distributions, or left connections
 * unchecked, says so and exits 4 unless --allow-incomplete, or 1 when a finding already makes it so.
 */
class CoverageCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PROPERTIES = List.of("aws.endpointUrlCloudFront", "aws.accessKeyId",
            "aws.secretAccessKey");

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    @BeforeEach
    void pointTheSdkAtWireMock() {
        System.setProperty("aws.endpointUrlCloudFront", api.baseUrl());
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        LocalWorld.stubCloudFrontError(api, "/distribution", 403, "AccessDenied",
                "User is not authorized to perform: cloudfront:ListDistributions");
    }

    @AfterEach
    void clearProperties() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void allDistributions_whenListingIsDenied_exits4_sayingNothingWasChecked() throws Exception {
        CliRun run = CliRun.of("check", "--all-distributions", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(run.err()).doesNotContain("checking 0").doesNotContain("done:")
                .contains("AccessDenied")
                .contains("error: nothing checked; 1 distribution could not be read")
                .contains("error: the account's distributions could not be listed")
                .contains("incomplete: 1 distribution could not be read (exit 4; --allow-incomplete");
        JsonNode coverage = JSON.readTree(run.out()).get("summary").get("coverage");
        assertThat(coverage.get("complete").asBoolean()).isFalse();
        assertThat(coverage.get("distributions").get("planned").asInt()).isEqualTo(1);
        assertThat(coverage.get("distributions").get("checked").asInt()).isZero();
        assertThat(coverage.get("connections").get("planned").asInt()).isZero();
    }

    @Test
    void allowIncomplete_turnsExit4Into0_theReportStillSayingSo() throws Exception {
        CliRun run = CliRun.of("check", "--all-distributions", "--format", "text", "--allow-incomplete");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Summary: nothing checked; 1 distribution could not be read; 0 errors, 1 warning;");
    }

    @Test
    void aFindingAtTheThreshold_stillExits1() {
        CliRun run = CliRun.of("check", "--all-distributions", "--format", "json", "--fail-on", "warning");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    }

    @Test
    void offlineConfigWithAnUnprobedOrigin_exits4_namingTheConnectionNotChecked() throws Exception {
        CliRun run = CliRun.of("check", "--config", "src/test/resources/config/sslv3-only-origin.json", "--format",
                "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        JsonNode connections = JSON.readTree(run.out()).get("summary").get("coverage").get("connections");
        assertThat(connections.get("planned").asInt()).isEqualTo(1);
        assertThat(connections.get("checked").asInt()).isZero();
        assertThat(connections.get("notChecked").get("ORIGIN_NOT_PROBED").asInt()).isEqualTo(1);
        assertThat(run.err()).contains("1 connection not checked (ORIGIN_NOT_PROBED 1)");
    }

    @Test
    void failOnInfo_exists_andCountsInfoFindings() {
        CliRun run = CliRun.of("check", "--config", "src/test/resources/config/sslv3-only-origin.json", "--format",
                "json", "--fail-on", "info");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    }

    /** The case of the issue itself: no credentials at all, in a child JVM whose environment has none. */
    @Test
    void allDistributions_withoutCredentials_isNotAnAllClear(@TempDir Path dir) throws Exception {
        var command = ChildCli.command(List.of("check", "--all-distributions", "--format", "json"));
        command.environment().putAll(java.util.Map.of("HOME", dir.toString(), "AWS_REGION", "us-east-1",
                "AWS_EC2_METADATA_DISABLED", "true", "AWS_CONFIG_FILE", dir.resolve("none").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString()));
        ChildCli.Ended run = ChildCli.run(command, dir, Duration.ofMinutes(2));

        assertThat(run.exit()).as(run.err()).isEqualTo(4);
        assertThat(run.err()).contains("Unable to load credentials").contains("error: nothing checked")
                .doesNotContain("checking 0");
        assertThat(JSON.readTree(run.out()).get("summary").get("coverage").get("distributions")
                .get("checked").asInt()).isZero();
    }
}
