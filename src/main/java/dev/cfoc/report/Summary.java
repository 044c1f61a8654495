package dev.cfoc.report;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.Severity;

import java.util.List;

/** Counts over a whole run. errors/warnings count findings, those about whole distributions included. */
public record Summary(int distributions, int origins, int errors, int warnings, long durationMs) {

    public static Summary of(List<DistributionReport> distributions, long durationMs) {
        List<Finding> all = distributions.stream().flatMap(DistributionReport::allFindings).toList();
        return new Summary(distributions.size(),
                distributions.stream().mapToInt(d -> d.origins().size()).sum(),
                (int) all.stream().filter(f -> f.severity() == Severity.ERROR).count(),
                (int) all.stream().filter(f -> f.severity() == Severity.WARNING).count(),
                durationMs);
    }
}
