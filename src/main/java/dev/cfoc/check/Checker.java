package dev.cfoc.check;

import dev.cfoc.config.Distribution;
import dev.cfoc.finding.Finding;
import dev.cfoc.plan.DistributionPlan;
import dev.cfoc.plan.OriginPlan;
import dev.cfoc.plan.Planner;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.probe.Deadline;
import dev.cfoc.probe.ProbeResult;
import dev.cfoc.probe.ProbeRunner;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.OriginReport;
import dev.cfoc.report.Report;
import dev.cfoc.report.Summary;
import dev.cfoc.report.Verdict;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One run of the engine: distributions → plans → every connection of the run probed concurrently → report.
 * {@link Engine} assembles it for every trigger.
 */
public final class Checker {

    private final Planner planner;
    private final ProbeRunner probeRunner;
    private final Clock clock;

    public Checker(Planner planner, ProbeRunner probeRunner, Clock clock) {
        this.planner = planner;
        this.probeRunner = probeRunner;
        this.clock = clock;
    }

    public Report check(List<Distribution> distributions, PolicyCatalog policies, Report.TrustAnchorsNote trust) {
        return check(distributions, policies, trust, Deadline.none());
    }

    /**
     * As {@link #check(List, PolicyCatalog, Report.TrustAnchorsNote)}, starting no probe whose worst case does not
     * fit in what {@code deadline} leaves: those connections are reported as NOT_CHECKED_DEADLINE on their origin,
     * and the report is complete otherwise.
     */
    public Report check(List<Distribution> distributions, PolicyCatalog policies, Report.TrustAnchorsNote trust,
                        Deadline deadline) {
        Instant started = clock.instant();
        List<DistributionPlan> plans = distributions.stream().map(d -> planner.plan(d, policies)).toList();
        List<ProbeTarget> targets = plans.stream()
                .flatMap(p -> p.origins().stream())
                .flatMap(o -> o.targets().stream())
                .toList();
        Iterator<ProbeResult> results = probeRunner.probeAll(targets, deadline).iterator();

        List<DistributionReport> reports = new ArrayList<>();
        for (DistributionPlan plan : plans) {
            List<OriginReport> origins = new ArrayList<>();
            for (OriginPlan origin : plan.origins()) {
                List<ProbeResult> probes = new ArrayList<>();
                origin.targets().forEach(t -> probes.add(results.next()));
                origins.add(originReport(origin, probes));
            }
            Distribution d = plan.distribution();
            reports.add(new DistributionReport(d.id(), d.source(), d.domainName(), d.aliases(),
                    OriginGroupFailover.apply(plan.origins(), origins),
                    plan.problems().stream().map(Finding::aboutDistribution).toList(),
                    java.util.Optional.of(d.enabled())));
        }
        long durationMs = clock.millis() - started.toEpochMilli();
        List<Finding> aboutTheRun = trust.runFindings(started);
        return new Report(started, trust, reports, Summary.of(aboutTheRun, reports, durationMs), List.of(), aboutTheRun);
    }

    private static OriginReport originReport(OriginPlan origin, List<ProbeResult> probes) {
        List<Finding> findings = new ArrayList<>();
        origin.problems().forEach(p -> findings.add(Finding.about(origin.originId(), p).withPaths(origin.paths())));
        for (ProbeResult probe : probes) {
            probe.problems().forEach(p -> findings.add(FindingPlacement.place(probe, p)));
        }
        List<Finding> placed = FindingPlacement.oneDnsFindingPerName(findings);
        return new OriginReport(origin.originId(), origin.domainName(), Verdict.of(origin.probed(), placed),
                origin.evidence(), probes, placed);
    }
}
