package dev.cfoc.state;

import dev.cfoc.finding.Severity;
import dev.cfoc.report.FindingHistory;
import dev.cfoc.report.Report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a report shows the alert state: one observation per distribution, and one for the findings about the run. */
public final class ReportObservations {

    private ReportObservations() {
    }

    /** @param threshold the publishing threshold: findings below it neither alert nor count as active */
    public static List<Observation> of(Report report, Severity threshold, Instant now) {
        List<Observation> observations = new ArrayList<>();
        report.distributions().forEach(d -> observations.add(
                Observation.of(d.label(), d.allFindings().toList(), threshold, now)));
        observations.add(Observation.of(FindingHistory.RUN_KEY, report.runFindings(), threshold, now));
        return List.copyOf(observations);
    }
}
