package dev.cfoc.lambda;

import dev.cfoc.report.Report;
import dev.cfoc.suppression.Suppressions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Suppression: the acknowledged findings (SUPPRESSIONS) marked, so they are reported but neither published nor
 * counted; a suppression past its date is ignored, noted in the report and logged.
 */
final class SuppressionStep {

    private final Suppressions suppressions;
    private final Clock clock;

    SuppressionStep(Suppressions suppressions, Clock clock) {
        this.suppressions = suppressions;
        this.clock = clock;
    }

    Report apply(Report checked, RunContext run) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Report report = suppressions.apply(checked, today);
        run.runLog().expiredSuppressions(suppressions.expiredOn(today));
        return report;
    }
}
