package dev.cfoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.SampleTlsServer;
import dev.cfoc.testing.Pem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --deadline}: every connection with time left is checked, its waits capped to what is left; one that
 * runs out of time is NOT_CHECKED_DEADLINE saying how far it got, and the report is complete.
 */
class CheckDeadlineIT {

    private static final SamplePki PKI = SamplePki.create("CheckDeadlineTest");
    /** Longer than any deadline here: the slow origin's answer never comes in time. */
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(30);
    private static SampleTlsServer server;
    private static SampleTlsServer slowServer;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startOrigins() {
        SamplePki.Issued leaf = PKI.issueLeaf(SamplePki.LeafSpec.forNames("localhost"));
        server = SampleTlsServer.builder(leaf).start();
        slowServer = SampleTlsServer.builder(leaf).responseDelay(SLOW_ANSWER).start();
    }

    @AfterAll
    static void stopOrigins() {
        server.close();
        slowServer.close();
    }

    @Test
    void deadlineShorterThanTheWorstCase_checksTheQuickOrigin_andCutsTheSlowOneSayingHowFarItGot() throws Exception {
        // both: 3 × 10 s + 10 s + 30 s = 70 s worst case, far beyond the 4 s deadline (before, neither was checked)
        Path config = config(origin("quick", server, 10, 3, 30), "slow", origin("slow", slowServer, 10, 3, 30));
        Duration deadline = Duration.ofSeconds(4);

        int requestsBefore = server.requestCount();
        int slowRequestsBefore = slowServer.requestCount();
        long start = System.nanoTime();
        CliRun run = CliRun.checkLoopback("--config", config.toString(), "--trust-anchors", rootPem().toString(),
                "--format", "json", "--deadline", deadline.toMillis() + "ms");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.exitCode()).as("incomplete: " + run.err()).isEqualTo(4);
        assertThat(run.err()).contains("incomplete: 1 connection not checked (NOT_CHECKED_DEADLINE 1)");
        assertThat(elapsed).as("the run ends at its deadline, not at the slow origin's answer")
                .isLessThan(SLOW_ANSWER.dividedBy(2));
        JsonNode origins = new ObjectMapper().readTree(run.out()).path("distributions").get(0).path("origins");
        JsonNode quick = byId(origins, "quick");
        JsonNode slow = byId(origins, "slow");
        assertThat(quick.path("verdict").asText()).isEqualTo("OK");
        assertThat(quick.path("probes").get(0).path("httpStatus").asInt()).isEqualTo(200);
        assertThat(slow.path("verdict").asText()).isEqualTo("WARNING");
        assertThat(slow.path("findings")).singleElement().satisfies(f -> {
            assertThat(f.path("code").asText()).isEqualTo("NOT_CHECKED_DEADLINE");
            assertThat(f.path("severity").asText()).isEqualTo("WARNING");
            assertThat(f.path("message").asText()).startsWith("not checked: connected and handshook, no response "
                    + "within the ").endsWith(" the run's deadline left (OriginReadTimeout 30 s)");
            assertThat(f.path("evidence").path("progress").asText()).isEqualTo("connected and handshook");
        });
        assertThat(run.err()).contains("deadline: 1 connection(s) not checked");
        assertThat(server.requestCount()).isEqualTo(requestsBefore + 1);
        assertThat(slowServer.requestCount()).as("the slow origin got its request").isEqualTo(slowRequestsBefore + 1);
    }

    @Test
    void withoutDeadline_everyOriginIsChecked() throws Exception {
        Path config = config(origin("quick", server, 1, 1, 1), "patient", origin("patient", server, 10, 3, 30));

        CliRun run = CliRun.checkLoopback("--config", config.toString(), "--trust-anchors", rootPem().toString(),
                "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("NOT_CHECKED_DEADLINE");
        assertThat(run.err()).doesNotContain("deadline:");
    }

    @Test
    void badDeadline_isBadUsage_namingTheOption() {
        CliRun run = CliRun.of("check", "--config", "x.json", "--deadline", "soon");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--deadline").contains("soon").doesNotContain("\tat ");
    }

    private static JsonNode byId(JsonNode origins, String id) {
        for (JsonNode origin : origins) {
            if (origin.path("originId").asText().equals(id)) {
                return origin;
            }
        }
        throw new AssertionError("no origin " + id + " in " + origins);
    }

    private static String origin(String id, SampleTlsServer origin, int connectionTimeout, int attempts,
                                 int readTimeout) {
        return """
                {"Id": "%s", "DomainName": "localhost", "ConnectionAttempts": %d, "ConnectionTimeout": %d,
                 "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": %d, "OriginProtocolPolicy": "https-only",
                   "OriginReadTimeout": %d, "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}}}"""
                .formatted(id, attempts, connectionTimeout, origin.port(), readTimeout);
    }

    /** Two origins: the default behavior goes to "quick", /slow/* to {@code secondId}. */
    private static Path config(String first, String secondId, String second) throws Exception {
        return Files.writeString(dir.resolve("deadline.json"), """
                {"Distribution": {"Id": "EDEADLINE1", "DomainName": "d1.cloudfront.net", "DistributionConfig": {
                  "Aliases": {"Quantity": 0},
                  "Origins": {"Quantity": 2, "Items": [%s, %s]},
                  "DefaultCacheBehavior": {"TargetOriginId": "quick", "ViewerProtocolPolicy": "https-only",
                    "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"},
                  "CacheBehaviors": {"Quantity": 1, "Items": [{"PathPattern": "/slow/*", "TargetOriginId": "%s",
                    "ViewerProtocolPolicy": "https-only", "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"}]}}}}
                """.formatted(first, second, secondId));
    }

    private static Path rootPem() throws Exception {
        return Pem.write(dir.resolve("root.pem"), PKI.rootCertificate());
    }
}
