package dev.cfoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.probe.CheckerNetwork;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.testing.SampleTlsServer;
import dev.cfoc.testing.Pem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check} connects only to what CloudFront can reach: an origin named "localhost" is reported, not probed,
 * unless {@code --allow-private-origins} (labs) says otherwise; an IP address as origin domain is bad input.
 */
class PrivateOriginsCliIT {

    private static final SamplePki PKI = SamplePki.create("PrivateOriginsCli");
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
    void originOnLoopback_isNotPublic_andNeverConnectedTo() throws Exception {
        boolean inPrivateNetwork = CheckerNetwork.detect().isPrivate();
        int connectionsBefore = server.connections();

        CliRun run = CliRun.of("check", "--config", config("localhost").toString(), "--format", "json");

        JsonNode findings = new ObjectMapper().readTree(run.out()).path("distributions").get(0).path("origins")
                .get(0).path("findings");
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.path("code").asText())
                .isEqualTo(inPrivateNetwork ? "ORIGIN_PRIVATE_ANSWER" : "ORIGIN_NOT_PUBLIC"));
        // a private answer inside a private network is not checked: incomplete (4), never clean
        assertThat(run.exitCode()).as(run.err()).isEqualTo(inPrivateNetwork ? 4 : 1);
        assertThat(server.connections()).as("no connection").isEqualTo(connectionsBefore);
    }

    @Test
    void withTheLabsOption_theLoopbackOriginIsChecked() throws Exception {
        CliRun run = CliRun.of("check", LoopbackOrigins.CHECK_OPTION, "--config", config("localhost").toString(),
                "--trust-anchors", rootPem().toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode origin = new ObjectMapper().readTree(run.out()).path("distributions").get(0).path("origins").get(0);
        assertThat(origin.path("verdict").asText()).isEqualTo("OK");
        assertThat(origin.path("probes").get(0).path("httpStatus").asInt()).isEqualTo(200);
    }

    @Test
    void ipAddressAsOriginDomain_isBadInputNamingTheField() throws Exception {
        Path config = config("127.1");

        CliRun run = CliRun.of("check", LoopbackOrigins.CHECK_OPTION, "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Origins.Items[0].DomainName: must be a domain name, not an IP address: got "
                + "\"127.1\"").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    private static Path rootPem() throws Exception {
        return Pem.write(dir.resolve("root.pem"), PKI.rootCertificate());
    }

    private static Path config(String domainName) throws Exception {
        return Files.writeString(dir.resolve("private.json"), """
                {"DistributionConfig": {"Origins": {"Quantity": 1, "Items": [{"Id": "lab", "DomainName": "%s",
                  "ConnectionAttempts": 1, "ConnectionTimeout": 5,
                  "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": %d, "OriginProtocolPolicy": "https-only",
                  "OriginReadTimeout": 5, "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "lab", "ViewerProtocolPolicy": "https-only",
                   "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"}}}""".formatted(domainName, server.port()));
    }
}
