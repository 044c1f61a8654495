package dev.cfoc.report;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportWriterTest {

    private final String markdown = new MarkdownReportWriter().write(SampleReports.threeOrigins());

    @Test
    void distribution_hasAHeading_andItsOriginsWorstFirstInATable() {
        assertThat(markdown).contains("## Distribution E2QWRUHAPOMQZL (d111111abcdef8.cloudfront.net)")
                .contains("Source: cloudfront-api · Aliases: www.example.com")
                .contains("""
                        | Verdict | Origin | Domain name | Findings |
                        |---|---|---|---|
                        | **ERROR** | legacy | legacy.example.com | 1 |
                        | **WARNING** | api | api.example.com | 1 |
                        | **OK** | web | web.example.com | 0 |
                        """);
    }

    @Test
    void findings_areATableWithCodeSeverityOriginPortSniMessage() {
        assertThat(markdown).contains("""
                | Code | Severity | Origin | Port | SNI | Message |
                |---|---|---|---|---|---|
                | `CERT_EXPIRED` | **ERROR** | legacy | 443 | legacy.example.com | leaf expired 3 days ago |
                | `CERT_EXPIRING_SOON` | **WARNING** | api | 443 | api.example.com | leaf expires in 9 days |
                """);
    }

    @Test
    void eachFinding_hasFixEvidenceInDetailsAndReproduceInACodeBlock() {
        assertThat(markdown).contains("#### ERROR `CERT_EXPIRED` at origin legacy, port 443, SNI legacy.example.com")
                .contains("**Fix:** " + FindingCode.CERT_EXPIRED.remediation())
                .contains("""
                        <details><summary>Evidence</summary>

                        ```text
                        subject: CN=legacy.example.com
                        notAfter: 2026-12-06T00:00:00Z
                        ```

                        </details>
                        """)
                .contains("""
                        Reproduce:

                        ```bash
                        openssl s_client -connect legacy.example.com:443 -servername legacy.example.com </dev/null
                        ```
                        """);
    }

    @Test
    void summary_countsOriginsByVerdictAndFindingsByCode() {
        String summary = markdown.substring(markdown.indexOf("## Summary"));
        assertThat(summary).contains("| ERROR | 1 |").contains("| OK | 1 |")
                .contains("| `CERT_EXPIRED` | ERROR | 1 | 0 |")
                .contains("| `CERT_EXPIRING_SOON` | WARNING | 1 | 0 |");
    }

    @Test
    void hostileText_cannotBreakTheTableOrTheCodeBlocks() {
        var finding = SampleReports.finding("a|b", FindingCode.HTTP_5XX, "status 503 | body <script>\nnext line");
        var origin = SampleReports.origin("a|b", List.of(finding));
        var distribution = new DistributionReport(Optional.of("E2QWRUHAPOMQZL"), "x", Optional.empty(), List.of(),
                List.of(origin));
        Report report = SampleReports.threeOrigins().withDistributions(List.of(distribution));

        String md = new MarkdownReportWriter().write(report);

        assertThat(md).contains("| `HTTP_5XX` | **WARNING** | a\\|b | 443 | a\\|b.example.com | "
                + "status 503 \\| body &lt;script&gt;\\\\x0anext line |");
        assertThat(MarkdownReportWriter.codeBlock("text", "a ``` b\n")).isEqualTo("````text\na ``` b\n````\n");
    }
}
