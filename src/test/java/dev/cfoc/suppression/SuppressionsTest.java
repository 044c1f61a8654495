package dev.cfoc.suppression;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.finding.Severity;
import dev.cfoc.finding.Suppressed;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.OriginReport;
import dev.cfoc.report.Report;
import dev.cfoc.testing.SampleReports;
import dev.cfoc.report.Summary;
import dev.cfoc.report.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionsTest {

    private static final String ID = "E2QWRUHAPOMQZL";
    private static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    private final Finding expiring = Finding.about("api", Problem.of(FindingCode.CERT_EXPIRING_SOON, "expires in 9 days"));
    private final Finding expired = Finding.about("legacy", Problem.of(FindingCode.CERT_EXPIRED, "expired"));

    @Test
    void coveredFinding_isMarked_andNoLongerCountsForVerdictSummaryOrExitCode() {
        var suppressions = new Suppressions(List.of(new Suppression(ID, Optional.of("legacy"), FindingCode.CERT_EXPIRED,
                LocalDate.parse("2026-12-31"), "decommissioned 2026-12-15")));

        Report applied = suppressions.apply(report(), TODAY);

        OriginReport legacy = origin(applied, "legacy");
        assertThat(legacy.findings().getFirst().suppressed())
                .contains(new Suppressed(LocalDate.parse("2026-12-31"), "decommissioned 2026-12-15"));
        assertThat(legacy.verdict()).isEqualTo(Verdict.SUPPRESSED);
        assertThat(applied.summary().errors()).isZero();
        assertThat(applied.summary().warnings()).isEqualTo(1);
        assertThat(applied.summary().suppressed()).isEqualTo(1);
        assertThat(applied.hasFindingsAtLeast(Severity.ERROR)).isFalse();
        assertThat(applied.hasFindingsAtLeast(Severity.WARNING)).isTrue();
        assertThat(applied.notes()).isEmpty();
    }

    @Test
    void suppressionOnTheLastDay_stillHolds_andTheDayAfter_isIgnoredWithANote() {
        var suppression = new Suppression(ID, Optional.empty(), FindingCode.CERT_EXPIRED, TODAY, "until today");
        var suppressions = new Suppressions(List.of(suppression));

        assertThat(suppressions.apply(report(), TODAY).summary().suppressed()).isEqualTo(1);

        Report dayAfter = suppressions.apply(report(), TODAY.plusDays(1));
        assertThat(dayAfter.summary().suppressed()).isZero();
        assertThat(origin(dayAfter, "legacy").verdict()).isEqualTo(Verdict.ERROR);
        assertThat(dayAfter.notes()).containsExactly("suppression of CERT_EXPIRED on E2QWRUHAPOMQZL expired on "
                + TODAY + " and was ignored (reason was: until today)");
    }

    @Test
    void otherDistributionOrOriginOrCode_isNotCovered() {
        var suppressions = new Suppressions(List.of(
                new Suppression("E3OTHERDIST99", Optional.empty(), FindingCode.CERT_EXPIRED, TODAY, "other dist"),
                new Suppression(ID, Optional.of("api"), FindingCode.CERT_EXPIRED, TODAY, "other origin"),
                new Suppression(ID, Optional.of("legacy"), FindingCode.HTTP_5XX, TODAY, "other code")));

        Report applied = suppressions.apply(report(), TODAY);

        assertThat(applied.summary().suppressed()).isZero();
        assertThat(applied.summary().errors()).isEqualTo(1);
    }

    @Test
    void suppressionWithoutOrigin_coversFindingsAboutTheDistributionItself() {
        Finding unavailable = Finding.aboutDistribution(Problem.of(FindingCode.SOURCE_UNAVAILABLE, "throttled"));
        Report withDistributionFinding = report().withDistributions(List.of(
                report().distributions().getFirst().withFindings(List.of(unavailable))));
        var suppressions = new Suppressions(List.of(
                new Suppression(ID, Optional.empty(), FindingCode.SOURCE_UNAVAILABLE, TODAY, "API migration")));

        Report applied = suppressions.apply(withDistributionFinding, TODAY);

        assertThat(applied.distributions().getFirst().findings()).allMatch(Finding::isSuppressed);
    }

    private static OriginReport origin(Report report, String id) {
        return report.distributions().getFirst().origins().stream().filter(o -> o.originId().equals(id)).findFirst()
                .orElseThrow();
    }

    private Report report() {
        var api = new OriginReport("api", "api.example.com", Verdict.of(true, List.of(expiring)), Map.of(),
                List.of(SampleReports.probe("x", "x.example.com")), List.of(expiring));
        var legacy = new OriginReport("legacy", "legacy.example.com", Verdict.of(true, List.of(expired)), Map.of(),
                List.of(SampleReports.probe("x", "x.example.com")), List.of(expired));
        var distribution = new DistributionReport(Optional.of(ID), "cloudfront-api", Optional.empty(), List.of(),
                List.of(api, legacy));
        return new Report(Instant.parse("2026-11-27T03:00:00Z"), new Report.TrustAnchorsNote("Mozilla", List.of()),
                List.of(distribution), Summary.of(List.of(distribution), 5));
    }
}
