package dev.cfoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.SampleTlsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check --deadline}: origins whose worst case does not fit are reported, not probed; the report is complete. */
class CheckDeadlineIT {

    private static final SamplePki PKI = SamplePki.create("CheckDeadlineTest");
    private static SampleTlsServer server;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startOrigin() {
        server = SampleTlsServer.builder(PKI.issueLeaf(SamplePki.LeafSpec.forNames("localhost"))).start();
    }

    @AfterAll
    static void stopOrigin() {
        server.close();
    }

    @Test
    void originThatMayOutlastTheDeadline_isNotCheckedDeadline_theOtherIsChecked() throws Exception {
        // quick: 1 x 1 s + 1 s + 1 s = 3 s worst case, fits in 5 s; patient: 3 x 10 s + 10 s + 30 s = 70 s, does not
        Path config = config(origin("quick", 1, 1, 1), origin("patient", 10, 3, 30));

        int requestsBefore = server.requestCount();
        long start = System.nanoTime();
        CliRun run = CliRun.of("check", "--config", config.toString(), "--trust-anchors", rootPem().toString(),
                "--format", "json", "--deadline", "5s");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(run.exitCode()).as("incomplete: " + run.err()).isEqualTo(4);
        assertThat(run.err()).contains("incomplete: 1 connection not checked (NOT_CHECKED_DEADLINE 1)");
        assertThat(elapsedMs).isLessThan(5_000);
        JsonNode origins = new ObjectMapper().readTree(run.out()).path("distributions").get(0).path("origins");
        JsonNode quick = byId(origins, "quick");
        JsonNode patient = byId(origins, "patient");
        assertThat(quick.path("verdict").asText()).isEqualTo("OK");
        assertThat(quick.path("probes").get(0).path("httpStatus").asInt()).isEqualTo(200);
        assertThat(patient.path("verdict").asText()).isEqualTo("WARNING");
        assertThat(patient.path("findings")).singleElement().satisfies(f -> {
            assertThat(f.path("code").asText()).isEqualTo("NOT_CHECKED_DEADLINE");
            assertThat(f.path("severity").asText()).isEqualTo("WARNING");
            assertThat(f.path("evidence").path("worstCase").asText()).isEqualTo("70 s");
        });
        assertThat(run.err()).contains("deadline: 1 connection(s) not checked");
        assertThat(server.requestCount()).isEqualTo(requestsBefore + 1);
    }

    @Test
    void withoutDeadline_everyOriginIsChecked() throws Exception {
        Path config = config(origin("quick", 1, 1, 1), origin("patient", 10, 3, 30));

        CliRun run = CliRun.of("check", "--config", config.toString(), "--trust-anchors", rootPem().toString(),
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

    private static String origin(String id, int connectionTimeout, int attempts, int readTimeout) {
        return """
                {"Id": "%s", "DomainName": "localhost", "ConnectionAttempts": %d, "ConnectionTimeout": %d,
                 "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": %d, "OriginProtocolPolicy": "https-only",
                   "OriginReadTimeout": %d, "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}}}"""
                .formatted(id, attempts, connectionTimeout, server.port(), readTimeout);
    }

    private static Path config(String first, String second) throws Exception {
        return Files.writeString(dir.resolve("deadline.json"), """
                {"Distribution": {"Id": "EDEADLINE1", "DomainName": "d1.cloudfront.net", "DistributionConfig": {
                  "Aliases": {"Quantity": 0},
                  "Origins": {"Quantity": 2, "Items": [%s, %s]},
                  "DefaultCacheBehavior": {"TargetOriginId": "quick", "ViewerProtocolPolicy": "https-only",
                    "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"},
                  "CacheBehaviors": {"Quantity": 1, "Items": [{"PathPattern": "/slow/*", "TargetOriginId": "patient",
                    "ViewerProtocolPolicy": "https-only", "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"}]}}}}
                """.formatted(first, second));
    }

    private static Path rootPem() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(PKI.rootCertificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(dir.resolve("root.pem"), pem);
    }
}
