package dev.cfoc.suppression;

import dev.cfoc.finding.Finding;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.OriginReport;
import dev.cfoc.report.Report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The suppressions of a run, applied to its report. */
public record Suppressions(List<Suppression> all) {

    public Suppressions {
        all = List.copyOf(all);
    }

    public static Suppressions none() {
        return new Suppressions(List.of());
    }

    public List<Suppression> expiredOn(LocalDate today) {
        return all.stream().filter(s -> s.isExpiredOn(today)).toList();
    }

    /**
     * The report with every finding a current suppression covers marked suppressed (verdicts and summary counted
     * again), and a note for each expired suppression: those are ignored.
     */
    public Report apply(Report report, LocalDate today) {
        List<Suppression> current = all.stream().filter(s -> !s.isExpiredOn(today)).toList();
        List<DistributionReport> distributions = report.distributions().stream()
                .map(d -> apply(d, current))
                .toList();
        List<String> notes = expiredOn(today).stream()
                .map(s -> "suppression of " + s.describe() + " expired on " + s.until() + " and was ignored (reason was: "
                        + s.reason() + ")")
                .toList();
        return report.withDistributions(distributions).withNotes(notes);
    }

    /**
     * The suppressions still in force on {@code today} that cover no finding of {@code report}: the finding was fixed,
     * or the entry has a typo (a wrong id, origin or code). Each is worth a warning naming it.
     */
    public List<Suppression> unmatched(Report report, LocalDate today) {
        return all.stream().filter(s -> !s.isExpiredOn(today))
                .filter(s -> report.distributions().stream()
                        .noneMatch(d -> d.allFindings().anyMatch(f -> s.covers(d.id(), f))))
                .toList();
    }

    private static DistributionReport apply(DistributionReport d, List<Suppression> current) {
        List<OriginReport> origins = d.origins().stream()
                .map(o -> {
                    List<Finding> marked = mark(d.id(), o.findings(), current);
                    return marked.equals(o.findings()) ? o : o.withFindings(marked);
                })
                .toList();
        return d.with(origins, mark(d.id(), d.findings(), current));
    }

    private static List<Finding> mark(Optional<String> distributionId, List<Finding> findings, List<Suppression> current) {
        return findings.stream()
                .map(f -> current.stream().filter(s -> s.covers(distributionId, f)).findFirst()
                        .map(s -> f.suppressedBy(s.mark())).orElse(f))
                .toList();
    }
}
