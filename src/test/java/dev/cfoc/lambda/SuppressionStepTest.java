package dev.cfoc.lambda;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.report.Report;
import dev.cfoc.testing.SampleReports;
import dev.cfoc.suppression.Suppression;
import dev.cfoc.suppression.Suppressions;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The suppression step alone: pure, on a hand-built report, on a fixed day. */
class SuppressionStepTest {

    private static final Clock NOV_27 = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    private final RecordedRun run = new RecordedRun();

    @Test
    void acknowledgedFinding_isMarked_notCounted_andAnExpiredSuppressionIsNotedAndLogged() {
        var active = new Suppression(SampleReports.DISTRIBUTION_ID, Optional.of("legacy"), FindingCode.CERT_EXPIRED,
                LocalDate.parse("2026-11-27"), "retired on Monday");
        var expired = new Suppression(SampleReports.DISTRIBUTION_ID, Optional.of("api"),
                FindingCode.CERT_EXPIRING_SOON, LocalDate.parse("2026-11-26"), "renewal ordered");

        Report report = new SuppressionStep(new Suppressions(List.of(active, expired)), NOV_27)
                .apply(SampleReports.threeOrigins(), run.context());

        assertThat(report.findings().filter(Finding::isSuppressed)).extracting(Finding::code)
                .containsExactly(FindingCode.CERT_EXPIRED);
        assertThat(report.summary().errors()).isZero();
        assertThat(report.summary().warnings()).isEqualTo(1);
        assertThat(report.summary().suppressed()).isEqualTo(1);
        assertThat(report.notes()).singleElement().asString().contains("expired on 2026-11-26 and was ignored");
        assertThat(run.messages()).containsExactly("suppression expired and was ignored: CERT_EXPIRING_SOON on "
                + SampleReports.DISTRIBUTION_ID + " origin api");
    }

    @Test
    void suppressionMatchingNoFinding_isWarned_onlyForADistributionThisRunChecked() {
        // given: one for a code the checked distribution does not have (fixed, or a typo), one for a distribution
        // this run did not check (a change event or a fan-out batch checks a few)
        var fixed = new Suppression(SampleReports.DISTRIBUTION_ID, Optional.of("web"), FindingCode.CERT_EXPIRED,
                LocalDate.parse("2026-12-31"), "renewed last week");
        var elsewhere = new Suppression("E9NOTCHECKED01", Optional.empty(), FindingCode.CERT_EXPIRED,
                LocalDate.parse("2026-12-31"), "another distribution");

        Report report = new SuppressionStep(new Suppressions(List.of(fixed, elsewhere)), NOV_27)
                .apply(SampleReports.threeOrigins(), run.context());

        assertThat(report.summary().suppressed()).isZero();
        assertThat(run.messages()).containsExactly("suppression matches no finding of this run (fixed, or a typo?): "
                + fixed.describe());
        var warning = run.line("suppression matches no finding");
        assertThat(warning.get("level").asText()).isEqualTo("WARN");
        assertThat(warning.get("distributionId").asText()).isEqualTo(SampleReports.DISTRIBUTION_ID);
        assertThat(warning.get("originId").asText()).isEqualTo("web");
        assertThat(warning.get("code").asText()).isEqualTo("CERT_EXPIRED");
    }

    @Test
    void withoutSuppressions_theReportIsUnchanged_andNothingIsLogged() {
        Report checked = SampleReports.threeOrigins();

        Report report = new SuppressionStep(Suppressions.none(), NOV_27).apply(checked, run.context());

        assertThat(report).isEqualTo(checked);
        assertThat(run.messages()).isEmpty();
    }
}
