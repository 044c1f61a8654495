package dev.cfoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI contract users' scripts rely on: exit codes, stdout/stderr, error messages without stack traces. */
class CliContractTest {

    @TempDir
    Path dir;

    @Test
    void noCommand_isBadUsage() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command");
    }

    @Test
    void checkWithoutConfig_isBadUsage() {
        CliRun run = CliRun.of("check");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--config");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownFormat_isBadUsage() {
        CliRun run = CliRun.of("check", "--config", "x.json", "--format", "yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format").contains("yaml");
    }

    @Test
    void missingConfigFile_isBadInput_namingTheFile() {
        CliRun run = CliRun.of("check", "--config", dir.resolve("nope.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.json").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badField_isBadInput_namingFileAndJsonPath() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), """
                {"DistributionConfig": {"Origins": {"Quantity": 1, "Items": [{"Id": "web", "DomainName": "a.example",
                  "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 70000, "OriginProtocolPolicy": "https-only"}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "web", "ViewerProtocolPolicy": "allow-all"}}}""");
        CliRun run = CliRun.of("check", "--config", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.json").contains("HTTPSPort").contains("70000").doesNotContain("\tat ");
    }

    @Test
    void truncatedJson_isBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("truncated.json"), "{\"DistributionConfig\": {\"Origins\": ");
        CliRun run = CliRun.of("check", "--config", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("truncated.json").contains("line");
    }

    @Test
    void unreadableTrustAnchors_isBadInput() throws Exception {
        Path config = Files.writeString(dir.resolve("ok.json"), """
                {"DistributionConfig": {"Origins": {"Quantity": 1, "Items": [{"Id": "web", "DomainName": "a.invalid",
                  "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only",
                  "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "web", "ViewerProtocolPolicy": "allow-all"}}}""");
        CliRun run = CliRun.of("check", "--config", config.toString(), "--trust-anchors",
                dir.resolve("missing.pem").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--trust-anchors").contains("missing.pem");
    }

    @Test
    void help_exitsZero() {
        CliRun run = CliRun.of("check", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--config").contains("--fail-on").contains("--trust-anchors");
    }
}
