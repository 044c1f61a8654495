package dev.cfoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** check from --config files alone has no AWS access: no firewall check, and the report says so once. No sockets. */
class CheckFirewallCliTest {

    private static final String CONFIG = "src/test/resources/config/bare-distribution-config.json";

    @Test
    void configFilesAlone_areNotFirewallChecked_andTheReportSaysSoOnce() throws Exception {
        CliRun run = CliRun.of("check", "--config", CONFIG, "--format", "json", "--fail-on", "never",
                "--deadline", "1ms");

        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("notes")).extracting(JsonNode::asText).containsOnlyOnce(CheckCommand.NO_FIREWALL_CHECK);
    }

    @Test
    void probeVpcOrigins_needsTheApi() {
        CliRun run = CliRun.of("check", "--config", CONFIG, "--probe-vpc-origins");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--probe-vpc-origins needs --distribution-id or --all-distributions");
    }
}
