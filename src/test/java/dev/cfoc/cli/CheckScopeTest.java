package dev.cfoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.sample.SamplePki.LeafSpec;
import dev.cfoc.testing.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code check} reads and how it names it: --id for a file without one, standard input, directories, a file given
 * twice, disabled distributions of list-distributions output, suppressions that match nothing, trust anchors that are
 * not CAs, the version. Every config here has one origin that allows only SSLv3, so nothing touches the network.
 */
class CheckScopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A DistributionConfig whose only origin is not probed (SSLv3 only). */
    private static String config(boolean enabled) {
        return """
                {"Origins": {"Quantity": 1, "Items": [{"Id": "old", "DomainName": "old.example.com",
                   "CustomOriginConfig": {"OriginProtocolPolicy": "https-only",
                     "OriginSslProtocols": {"Quantity": 1, "Items": ["SSLv3"]}}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "old", "ViewerProtocolPolicy": "https-only"},
                 "Enabled": %s}""".formatted(enabled);
    }

    private static Path getDistributionConfig(Path dir) throws Exception {
        return Files.writeString(dir.resolve("get-distribution-config.json"),
                "{\"ETag\": \"E3ETAG\", \"DistributionConfig\": " + config(true) + "}");
    }

    /** list-distributions output: one enabled, one disabled distribution. */
    private static Path list(Path dir) throws Exception {
        String items = summary("E1ENABLED0001", true) + ", " + summary("E2DISABLED001", false);
        return Files.writeString(dir.resolve("list.json"), "{\"DistributionList\": {\"Quantity\": 2, \"Items\": ["
                + items + "]}}");
    }

    private static String summary(String id, boolean enabled) {
        String config = config(enabled).strip();
        return "{\"Id\": \"" + id + "\", \"DomainName\": \"d" + id.toLowerCase() + ".cloudfront.net\", "
                + config.substring(1);
    }

    private static Path suppressions(Path dir, String distributionId) throws Exception {
        return Files.writeString(dir.resolve("suppressions.json"), "[{\"distributionId\": \"" + distributionId
                + "\", \"code\": \"ORIGIN_NOT_PROBED\", \"until\": \"2999-12-31\", \"reason\": \"SSLv3 box, checked by hand\"}]");
    }

    @Test
    void idGivenAfterAFileWithout_namesItsDistribution_soASuppressionCanCoverIt(@TempDir Path dir) throws Exception {
        Path file = getDistributionConfig(dir);

        CliRun run = CliRun.of("check", "--config", file.toString(), "--id", "E2QWRUHAPOMQZL", "--format", "json",
                "--suppressions", suppressions(dir, "E2QWRUHAPOMQZL").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode distribution = JSON.readTree(run.out()).get("distributions").get(0);
        assertThat(distribution.get("id").asText()).isEqualTo("E2QWRUHAPOMQZL");
        assertThat(distribution.get("origins").get(0).get("findings").get(0).get("suppressed").get("reason").asText())
                .isEqualTo("SSLv3 box, checked by hand");
        assertThat(JSON.readTree(run.out()).get("summary").get("coverage").get("complete").asBoolean()).isTrue();
    }

    @Test
    void malformedId_isBadInput_namingTheOption(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("check", "--config", getDistributionConfig(dir).toString(), "--id", "dist-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: --id: 'dist-1' is not a distribution id (like E2QWRUHAPOMQZL)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void idForAFileOfSeveralDistributions_isBadInput(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("check", "--config", list(dir).toString(), "--id", "E2QWRUHAPOMQZL");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("holds 2 distributions");
    }

    @Test
    void suppressionThatMatchesNothing_isAWarningNamingIt(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("check", "--config", getDistributionConfig(dir).toString(), "--format", "json",
                "--suppressions", suppressions(dir, "E9TYPO0000001").toString());

        assertThat(run.err()).contains("warning: suppression of ORIGIN_NOT_PROBED on E9TYPO0000001 matches no finding "
                + "of this run (no distribution E9TYPO0000001 was checked)");
    }

    @Test
    void configDash_readsStandardInput() throws Exception {
        CliRun run = CliRun.withStdin(config(true), "check", "--config", "-", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(JSON.readTree(run.out()).get("distributions").get(0).get("source").asText()).isEqualTo("stdin");
    }

    @Test
    void sameFileTwice_isReadOnce(@TempDir Path dir) throws Exception {
        Path file = getDistributionConfig(dir);

        CliRun run = CliRun.of("check", "--config", file.toString(), "--config",
                dir.resolve(".").resolve(file.getFileName()).toString(), "--format", "json");

        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("distributions")).hasSize(1);
        assertThat(report.get("notes").toString()).contains("was given more than once; it was read once");
    }

    @Test
    void disabledDistributionOfAList_isSkippedAndSaidSo_unlessIncluded(@TempDir Path dir) throws Exception {
        Path file = list(dir);

        CliRun skipped = CliRun.of("check", "--config", file.toString(), "--format", "json");
        CliRun included = CliRun.of("check", "--config", file.toString(), "--format", "text", "--include-disabled");

        JsonNode report = JSON.readTree(skipped.out());
        assertThat(report.get("distributions")).singleElement()
                .satisfies(d -> assertThat(d.get("enabled").asBoolean()).isTrue());
        assertThat(report.get("notes").toString()).contains("skipped 1 disabled distribution")
                .contains("E2DISABLED001");
        assertThat(skipped.err()).contains("skipped E2DISABLED001 (disabled, in " + file + ")");
        assertThat(included.out()).contains("Distribution E2DISABLED001").contains("state: DISABLED");
    }

    @Test
    void trustAnchorThatIsNotACa_isRefused(@TempDir Path dir) throws Exception {
        var leaf = SamplePki.create("Anchors").issueLeaf(LeafSpec.forNames("origin.example.com")).certificate();
        Path pem = Pem.write(dir.resolve("leaf.pem"), leaf);

        CliRun run = CliRun.of("check", "--config", getDistributionConfig(dir).toString(), "--trust-anchors",
                pem.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("CN=origin.example.com").contains("is not a CA certificate");
    }

    @Test
    void version_isTheProjectVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String version = pom.substring(pom.indexOf("<version>", pom.indexOf("<artifactId>cloudfront-origin-checker"))
                + "<version>".length());
        version = version.substring(0, version.indexOf("</version>"));

        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("cloudfront-origin-checker " + version);
    }
}
