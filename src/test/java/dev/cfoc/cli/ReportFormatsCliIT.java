package dev.cfoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.report.ReportFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code demo} with the output options it shares with {@code check}: --format markdown, --suppressions. */
class ReportFormatsCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO_ID = "EDEMO1CHECKER";

    @Test
    void demoAsMarkdown_hasADistributionHeadingAFindingsTableAndReproduceBlocks() {
        CliRun run = CliRun.of("demo", "--format", "markdown");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("# CloudFront origin check, ")
                .contains("## Distribution " + DEMO_ID)
                .contains("| Code | Severity | Origin | Port | SNI | Message |")
                .contains("| `CERT_EXPIRED` | **ERROR** | expired |")
                .contains("```bash\nopenssl s_client -connect expired.demo.test:")
                .contains("## Summary")
                .doesNotContain("\u001b[");
    }

    @Test
    void formatOption_labelAndValidValues_areTheReportFormats() {
        List<String> formats = Arrays.stream(ReportFormat.values()).map(Enum::name).toList();

        for (String command : new String[] {"check", "demo"}) {
            CliRun help = CliRun.of(command, "--help");

            assertThat(help.out()).contains("[--format=" + String.join("|", formats) + "]");
            assertThat(help.out().replaceAll("\\s+", " ")).contains("Valid: " + String.join(", ", formats));
            assertThat(help.out().lines().map(String::strip)).contains("--format=" + String.join("|", formats));
        }
    }

    @Test
    void demoTextThroughAPipe_isNotColoured_andEndsWithTheSummaryTables() {
        CliRun run = CliRun.of("demo", "--format", "text");

        assertThat(run.out()).doesNotContain("\u001b[").contains("origins by verdict").contains("findings by code")
                .contains("CERT_CHAIN_INCOMPLETE");
    }

    @Test
    void suppressionsFile_marksTheFinding_andItNoLongerFailsTheRun(@TempDir Path dir) throws Exception {
        String until = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
        Path file = Files.writeString(dir.resolve("suppressions.json"), "[{\"distributionId\": \"" + DEMO_ID
                + "\", \"code\": \"CERT_EXPIRED\", \"until\": \"" + until + "\", \"reason\": \"demo: known\"}]");

        CliRun failing = CliRun.of("demo", "--format", "json", "--fail-on", "error");
        CliRun suppressed = CliRun.of("demo", "--format", "json", "--suppressions", file.toString());
        CliRun text = CliRun.of("demo", "--format", "text", "--suppressions", file.toString());

        assertThat(failing.exitCode()).isEqualTo(1);
        JsonNode report = JSON.readTree(suppressed.out());
        assertThat(report.get("summary").get("suppressed").asInt()).isEqualTo(1);
        assertThat(report.get("summary").get("errors").asInt())
                .isEqualTo(JSON.readTree(failing.out()).get("summary").get("errors").asInt() - 1);
        assertThat(text.out()).contains("CERT_EXPIRED  port").contains("(suppressed until " + until + ": demo: known)");
        assertThat(suppressed.err()).contains("1 suppressed");
    }

    @Test
    void invalidSuppressions_isBadInputNamingFileAndField(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), "[{\"distributionId\": \"" + DEMO_ID
                + "\", \"code\": \"CERT_EXPIRED\", \"until\": \"2026-13-01\", \"reason\": \"x\"}]");

        CliRun run = CliRun.of("demo", "--suppressions", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--suppressions " + file + ": [0].until: must be a date like 2026-12-31");
        assertThat(run.out()).isEmpty();
    }
}
