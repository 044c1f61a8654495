package dev.cfoc.check;

import dev.cfoc.config.Distribution;
import dev.cfoc.config.Origin;
import dev.cfoc.config.OriginType;
import dev.cfoc.firewall.Firewall;
import dev.cfoc.firewall.FirewallReview;
import dev.cfoc.firewall.FirewallView;
import dev.cfoc.finding.Finding;
import dev.cfoc.plan.DistributionPlan;
import dev.cfoc.plan.OriginPlan;
import dev.cfoc.plan.Planner;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.plan.VpcOrigins;
import dev.cfoc.probe.HostResolver;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
        return check(distributions, policies, trust, deadline, Firewall.off().start(HostResolver.fixed(Map.of())));
    }

    /**
     * As above, with the run's firewall check: VPC origins resolved before planning (inside a VPC), the origins'
     * security groups read while the probes run, then judged on every planned connection ({@link FirewallReview}).
     */
    public Report check(List<Distribution> distributions, PolicyCatalog policies, Report.TrustAnchorsNote trust,
                        Deadline deadline, Firewall.Run firewall) {
        Instant started = clock.instant();
        VpcOrigins vpcOrigins = firewall.vpcOrigins(distributions);
        List<DistributionPlan> plans = distributions.stream().map(d -> planner.plan(d, policies, vpcOrigins)).toList();
        List<ProbeTarget> targets = plans.stream()
                .flatMap(p -> p.origins().stream())
                .flatMap(o -> o.targets().stream())
                .toList();
        CompletableFuture<FirewallView> firewalls = firewall.inspect(customOriginNames(plans));
        Iterator<ProbeResult> results = probeRunner.probeAll(targets, deadline).iterator();
        FirewallView view = firewalls.join();

        List<DistributionReport> reports = new ArrayList<>();
        for (DistributionPlan plan : plans) {
            List<OriginReport> origins = new ArrayList<>();
            for (OriginPlan origin : plan.origins()) {
                List<ProbeResult> probes = new ArrayList<>();
                origin.targets().forEach(t -> probes.add(results.next()));
                Origin model = plan.distribution().origin(origin.originId()).orElseThrow();
                origins.add(originReport(origin, probes, FirewallReview.review(model, probes, view)));
            }
            Distribution d = plan.distribution();
            reports.add(new DistributionReport(d.id(), d.source(), d.domainName(), d.aliases(),
                    OriginGroupFailover.apply(plan.origins(), origins),
                    plan.problems().stream().map(Finding::aboutDistribution).toList(),
                    java.util.Optional.of(d.enabled())));
        }
        long durationMs = clock.millis() - started.toEpochMilli();
        List<Finding> aboutTheRun = new ArrayList<>(trust.runFindings(started));
        aboutTheRun.addAll(firewall.runFindings());
        return new Report(started, trust, reports, Summary.of(aboutTheRun, reports, durationMs), firewall.notes(),
                aboutTheRun);
    }

    /** The domain names of the custom origins the plans reach: those whose firewall may be in the account. */
    private static List<String> customOriginNames(List<DistributionPlan> plans) {
        return plans.stream().flatMap(plan -> plan.origins().stream()
                        .map(o -> plan.distribution().origin(o.originId()).orElseThrow()))
                .filter(o -> o.type() instanceof OriginType.Custom).map(Origin::domainName).distinct().toList();
    }

    private static OriginReport originReport(OriginPlan origin, List<ProbeResult> probes,
                                             FirewallReview.Reviewed firewall) {
        List<Finding> findings = new ArrayList<>();
        origin.problems().forEach(p -> findings.add(Finding.about(origin.originId(), p).withPaths(origin.paths())));
        for (int i = 0; i < probes.size(); i++) {
            ProbeResult probe = probes.get(i);
            firewall.problems().get(i).forEach(p -> findings.add(FindingPlacement.place(probe, p)));
        }
        List<Finding> placed = FindingPlacement.oneDnsFindingPerName(findings);
        Map<String, String> notes = new LinkedHashMap<>(origin.evidence());
        notes.putAll(firewall.notes());
        return new OriginReport(origin.originId(), origin.domainName(), Verdict.of(origin.probed(), placed),
                notes, probes, placed);
    }
}
