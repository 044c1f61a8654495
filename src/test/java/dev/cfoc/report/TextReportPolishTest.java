package dev.cfoc.report;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Suppressed;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportPolishTest {

    @Test
    void plainText_hasNoEscapeCodes_andListsOriginsWorstFirst() {
        String text = new TextReportWriter().write(SampleReports.threeOrigins());

        assertThat(text).doesNotContain("\u001b[");
        assertThat(text.indexOf("[ERROR] origin legacy")).isLessThan(text.indexOf("[WARNING] origin api"));
        assertThat(text.indexOf("[WARNING] origin api")).isLessThan(text.indexOf("[OK] origin web"));
    }

    @Test
    void colour_paintsSeverityAndVerdictWords() {
        String text = new TextReportWriter(true).write(SampleReports.threeOrigins());

        assertThat(text).contains("[" + AnsiStyle.BOLD_RED + "ERROR" + AnsiStyle.RESET + "] origin legacy")
                .contains("[" + AnsiStyle.YELLOW + "WARNING" + AnsiStyle.RESET + "] origin api")
                .contains("[" + AnsiStyle.GREEN + "OK" + AnsiStyle.RESET + "] origin web")
                .contains(AnsiStyle.BOLD_RED + "ERROR" + AnsiStyle.RESET + " CERT_EXPIRED  port 443");
    }

    @Test
    void summary_endsWithTablesOfOriginsByVerdictAndFindingsByCode() {
        String text = new TextReportWriter().write(SampleReports.threeOrigins());

        String summary = text.substring(text.indexOf("Summary:"));
        assertThat(summary).startsWith("Summary: 1 distribution, 3 origins (1 ERROR, 1 WARNING, 1 OK), 3 connections; "
                + "1 error, 1 warning; 42 ms");
        assertThat(summary).contains("""
                  origins by verdict
                    ERROR           1
                    WARNING         1
                    OK              1
                """);
        assertThat(summary).contains("""
                  findings by code
                    code                severity  count  suppressed
                    CERT_EXPIRED        ERROR         1           0
                    CERT_EXPIRING_SOON  WARNING       1           0
                """);
    }

    @Test
    void suppressedFinding_isShownDimAfterActiveOnes_withUntilAndReason() {
        Report report = SampleReports.threeOrigins();
        var d = report.distributions().getFirst();
        var legacy = d.origins().get(2);
        var marked = legacy.withFindings(List.of(legacy.findings().getFirst()
                .suppressedBy(new Suppressed(LocalDate.parse("2026-12-31"), "decommissioned 2026-12-15"))));
        Report suppressed = report.withDistributions(List.of(d.with(List.of(d.origins().get(0), d.origins().get(1), marked),
                List.of())));

        String plain = new TextReportWriter().write(suppressed);
        String coloured = new TextReportWriter(true).write(suppressed);

        assertThat(plain).contains("[SUPPRESSED] origin legacy")
                .contains("ERROR CERT_EXPIRED  port 443  sni legacy.example.com  (suppressed until 2026-12-31: "
                        + "decommissioned 2026-12-15)")
                .contains("0 errors, 1 warning, 1 suppressed;")
                .contains("CERT_EXPIRED        ERROR         0           1");
        assertThat(coloured).contains(AnsiStyle.DIM + "ERROR CERT_EXPIRED");
        assertThat(new MarkdownReportWriter().write(suppressed)).contains("| **SUPPRESSED** | legacy |");
        assertThat(new JsonReportWriter().toJson(suppressed).get("distributions").get(0).get("origins").get(2)
                .get("verdict").asText()).isEqualTo("SUPPRESSED");
    }

    @Test
    void notes_areShownAtTheTop() {
        Report report = SampleReports.threeOrigins().withNotes(List.of("suppression of X expired"));

        String text = new TextReportWriter().write(report);

        assertThat(text.indexOf("Note: suppression of X expired")).isLessThan(text.indexOf("Distribution "));
    }

    @Test
    void json_marksSuppressedFindings_andCountsThem() {
        Report report = SampleReports.threeOrigins();
        var d = report.distributions().getFirst();
        var api = d.origins().get(1);
        var marked = api.withFindings(List.of(api.findings().getFirst()
                .suppressedBy(new Suppressed(LocalDate.parse("2026-12-31"), "renewal booked"))));
        Report suppressed = report.withDistributions(List.of(d.with(List.of(d.origins().get(0), marked,
                d.origins().get(2)), List.of()))).withNotes(List.of("a note"));

        var json = new JsonReportWriter().toJson(suppressed);

        var findings = json.get("distributions").get(0).get("origins").get(1).get("findings");
        assertThat(findings.get(0).get("code").asText()).isEqualTo(FindingCode.CERT_EXPIRING_SOON.name());
        assertThat(findings.get(0).get("suppressed").get("until").asText()).isEqualTo("2026-12-31");
        assertThat(findings.get(0).get("suppressed").get("reason").asText()).isEqualTo("renewal booked");
        assertThat(json.get("distributions").get(0).get("origins").get(2).get("findings").get(0).get("suppressed")
                .isNull()).isTrue();
        assertThat(json.get("summary").get("suppressed").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("warnings").asInt()).isZero();
        assertThat(json.get("notes").get(0).asText()).isEqualTo("a note");
    }
}
