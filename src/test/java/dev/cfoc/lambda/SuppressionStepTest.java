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
    void withoutSuppressions_theReportIsUnchanged_andNothingIsLogged() {
        Report checked = SampleReports.threeOrigins();

        Report report = new SuppressionStep(Suppressions.none(), NOV_27).apply(checked, run.context());

        assertThat(report).isEqualTo(checked);
        assertThat(run.messages()).isEmpty();
    }
}
