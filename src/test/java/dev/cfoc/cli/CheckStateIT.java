package dev.cfoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.testing.LocalWorld;
import dev.cfoc.testing.PerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check --state FILE}: the Lambda's alert state in a local file, against real TLS origins on loopback. */
class CheckStateIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PerClass<LocalWorld> world = PerClass.of(LocalWorld::start);

    @TempDir
    Path dir;

    /** Origin legacy on {@code port}, reached by /legacy/*; the default behavior goes to a healthy origin. */
    private Path config(int legacyPort) throws Exception {
        return Files.writeString(dir.resolve("dist.json"), """
                {"Distribution": {"Id": "ESTATE00001", "DomainName": "d1.cloudfront.net", "DistributionConfig": {
                  "Aliases": {"Quantity": 1, "Items": ["shop.example.com"]},
                  "Origins": {"Quantity": 2, "Items": [%s, %s]},
                  "DefaultCacheBehavior": {"TargetOriginId": "app", "ViewerProtocolPolicy": "https-only",
                    "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"},
                  "CacheBehaviors": {"Quantity": 1, "Items": [{"PathPattern": "/legacy/*", "TargetOriginId": "legacy",
                    "ViewerProtocolPolicy": "https-only", "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"}]}}}}
                """.formatted(origin("app", world.get().healthy.port()), origin("legacy", legacyPort)));
    }

    private static String origin(String id, int port) {
        return """
                {"Id": "%s", "DomainName": "localhost", "ConnectionAttempts": 1, "ConnectionTimeout": 5,
                 "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": %d, "OriginProtocolPolicy": "https-only",
                   "OriginReadTimeout": 10, "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}}}"""
                .formatted(id, port);
    }

    private CliRun check(Path config, Path state, String format) {
        return CliRun.checkLoopback("--config", config.toString(), "--trust-anchors", world.get().rootPem.toString(),
                "--format", format, "--fail-on", "never", "--state", state.toString());
    }

    @Test
    void firstRunMarksNew_theNextSaysSince_andAFixIsListedAsResolved() throws Exception {
        Path state = dir.resolve("state.json");
        Path broken = config(world.get().expired.port());

        CliRun first = check(broken, state, "text");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("alert: NEW").containsPattern("ERROR CERT_EXPIRED  port \\d+  sni localhost  NEW")
                .contains("affects: requests to `/legacy/*` on shop.example.com will get 502");
        assertThat(first.err()).contains("state: 1 NEW (" + state + ")");
        JsonNode stored = JSON.readTree(Files.readString(state)).get("states").get("ESTATE00001");
        assertThat(stored.get("version").asInt()).isEqualTo(1);
        Instant firstSeen = Instant.parse(stored.get("state").get("active").get(0).get("firstSeen").asText());

        CliRun second = check(broken, state, "json");
        JsonNode finding = JSON.readTree(second.out()).get("distributions").get(0).get("origins").get(1)
                .get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("CERT_EXPIRED");
        assertThat(finding.get("firstSeen").asText()).isNotBlank();
        assertThat(Instant.parse(finding.get("firstSeen").asText())).as("the first run's, not this one's")
                .isEqualTo(firstSeen)
                .isBefore(Instant.parse(JSON.readTree(second.out()).get("generatedAt").asText()));
        assertThat(second.err()).contains("state: no change");

        CliRun fixed = check(config(world.get().healthy.port()), state, "text");
        assertThat(fixed.out()).contains("alert: RESOLVED").contains("[RESOLVED] cleared since the last run")
                .containsPattern("CERT_EXPIRED at origin legacy, port \\d+, SNI localhost: OK again \\(was failing "
                        + "since ");
        assertThat(fixed.err()).contains("state: 1 RESOLVED");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("dist.json", "state.json", "state.json.lock");
        }
    }

    @Test
    void aStateFileThatIsNotOne_isBadInput_beforeAnythingIsChecked() throws Exception {
        Path notState = Files.writeString(dir.resolve("notes.txt"), "hello");
        int before = world.get().expired.connections();

        CliRun run = check(config(world.get().expired.port()), notState, "json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: --state: ").contains("notes.txt").doesNotContain("\tat ");
        assertThat(world.get().expired.connections()).isEqualTo(before);
        assertThat(Files.readString(notState)).isEqualTo("hello");
    }

    @Test
    void withoutState_theReportIsAsBefore() throws Exception {
        CliRun run = CliRun.checkLoopback("--config", config(world.get().expired.port()).toString(), "--trust-anchors",
                world.get().rootPem.toString(), "--format", "text", "--fail-on", "never");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("ERROR CERT_EXPIRED")
                .doesNotContain("alert:").doesNotContain("NEW").doesNotContain("since");
        assertThat(run.err()).doesNotContain("state:");
    }
}
