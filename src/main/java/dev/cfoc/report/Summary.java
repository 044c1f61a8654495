package dev.cfoc.report;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.Severity;

import java.util.List;
import java.util.stream.Stream;

/**
 * Counts over a whole run. errors/warnings count active findings, those about the run and whole distributions included;
 * suppressed findings are counted apart and nowhere else.
 */
public record Summary(int distributions, int origins, int errors, int warnings, int suppressed, long durationMs) {

    /** A run without suppressed findings. */
    public Summary(int distributions, int origins, int errors, int warnings, long durationMs) {
        this(distributions, origins, errors, warnings, 0, durationMs);
    }

    public static Summary of(List<DistributionReport> distributions, long durationMs) {
        return of(List.of(), distributions, durationMs);
    }

    /** @param runFindings findings about the run itself (counted like the others) */
    public static Summary of(List<Finding> runFindings, List<DistributionReport> distributions, long durationMs) {
        List<Finding> all = Stream.concat(runFindings.stream(),
                distributions.stream().flatMap(DistributionReport::allFindings)).toList();
        List<Finding> active = all.stream().filter(Finding::isActive).toList();
        return new Summary(distributions.size(),
                distributions.stream().mapToInt(d -> d.origins().size()).sum(),
                (int) active.stream().filter(f -> f.severity() == Severity.ERROR).count(),
                (int) active.stream().filter(f -> f.severity() == Severity.WARNING).count(),
                (int) all.stream().filter(Finding::isSuppressed).count(),
                durationMs);
    }
}
