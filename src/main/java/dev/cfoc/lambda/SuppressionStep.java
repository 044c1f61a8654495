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
        // Decision: only for the distributions this run checked; a change event or a fan-out batch checks a few
        suppressions.unmatched(checked, today).stream()
                .filter(s -> checked.hasDistribution(s.distributionId()))
                .forEach(s -> run.log().warn("suppression matches no finding of this "
                + "run (fixed, or a typo?): " + s.describe(), "distributionId", s.distributionId(),
                "originId", s.originId().orElse(null), "code", s.code().name()));
        return report;
    }
}
