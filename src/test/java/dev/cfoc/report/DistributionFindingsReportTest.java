package dev.cfoc.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.finding.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Findings about a whole distribution (it could not be read, a policy could not be read), in both formats. */
class DistributionFindingsReportTest {

    private static final Finding UNREADABLE = Finding.aboutDistribution(new Problem(FindingCode.SOURCE_UNAVAILABLE,
            "Distribution E2QWRUHAPOMQZL could not be read from the CloudFront API, so it was not checked: "
                    + "Throttling: Rate exceeded (HTTP 400, 3 attempts)", Map.of("reason", "Throttling: Rate exceeded")));

    private static Report report() {
        var unread = DistributionReport.unread("E2QWRUHAPOMQZL", "cloudfront-api", UNREADABLE);
        var empty = new Report(Instant.parse("2026-11-27T03:00:00Z"), new Report.TrustAnchorsNote("Mozilla CA list",
                List.of()), List.of(), new Summary(0, 0, 0, 0, 5));
        return empty.withDistributions(List.of(unread));
    }

    @Test
    void json_hasTheFindingsOfTheDistribution_withNoOriginId() throws Exception {
        JsonNode distribution = new ObjectMapper().readTree(new JsonReportWriter().write(report()))
                .get("distributions").get(0);

        assertThat(distribution.get("id").asText()).isEqualTo("E2QWRUHAPOMQZL");
        assertThat(distribution.get("origins")).isEmpty();
        JsonNode finding = distribution.get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("SOURCE_UNAVAILABLE");
        assertThat(finding.get("severity").asText()).isEqualTo("WARNING");
        assertThat(finding.get("originId").isNull()).isTrue();
        assertThat(finding.get("port").isNull()).isTrue();
        assertThat(finding.get("evidence").get("reason").asText()).isEqualTo("Throttling: Rate exceeded");
    }

    @Test
    void summaryAndThresholds_countFindingsAboutDistributions() {
        Report report = report();

        assertThat(report.summary().warnings()).isEqualTo(1);
        assertThat(report.summary().durationMs()).isEqualTo(5);
        assertThat(report.hasFindingsAtLeast(Severity.WARNING)).isTrue();
        assertThat(report.hasFindingsAtLeast(Severity.ERROR)).isFalse();
    }

    @Test
    void text_showsTheDistributionItselfWithMessageAndFix() {
        String text = new TextReportWriter().write(report());

        assertThat(text).contains("[WARNING] the distribution itself")
                .contains("WARNING SOURCE_UNAVAILABLE")
                .contains("could not be read from the CloudFront API")
                .contains("fix: " + FindingCode.SOURCE_UNAVAILABLE.remediation());
    }

    @Test
    void oneDistributionJson_isTheElementOfTheReport() throws Exception {
        DistributionReport distribution = report().distributions().get(0);
        ObjectMapper json = new ObjectMapper();

        assertThat(json.readTree(new JsonReportWriter().write(distribution)))
                .isEqualTo(json.readTree(new JsonReportWriter().write(report())).get("distributions").get(0));
        assertThat(Optional.of(distribution.label())).contains("E2QWRUHAPOMQZL");
    }
}
