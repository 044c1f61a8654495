package dev.cfoc.lambda;

import dev.cfoc.aws.CloudFrontDistributionSource;
import dev.cfoc.aws.DistributionAlert;
import dev.cfoc.aws.PolicyFetcher;
import dev.cfoc.aws.PolicyResult;
import dev.cfoc.aws.PublishFailedException;
import dev.cfoc.aws.PublishedMessage;
import dev.cfoc.aws.SnsFindingPublisher;
import dev.cfoc.aws.SourceResult;
import dev.cfoc.aws.SourcedDistribution;
import dev.cfoc.aws.TopicArn;
import dev.cfoc.aws.Unavailable;
import dev.cfoc.cert.CertificateRules;
import dev.cfoc.cert.TrustAnchorException;
import dev.cfoc.cert.TrustAnchors;
import dev.cfoc.check.Checker;
import dev.cfoc.config.ConfigException;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.finding.Finding;
import dev.cfoc.plan.ManagedPolicies;
import dev.cfoc.plan.Planner;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.probe.OriginProber;
import dev.cfoc.probe.ProbeRunner;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.Report;
import dev.cfoc.report.Summary;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The serverless checker, whatever triggered it: trigger → distributions from the CloudFront API → custom
 * policies → the engine → report (with findings about distributions that could not be read) → SNS when the run has
 * findings at or above MIN_SEVERITY and TOPIC_ARN is set. Handlers stay thin over this.
 */
public final class CheckService {

    /** {@link Distribution#source()} of everything read here. */
    public static final String SOURCE = "cloudfront-api";

    private final LambdaSettings settings;
    private final AwsClientProvider clients;
    private final HostResolver resolver;
    private final Clock clock;
    private final TrustAnchors anchors;

    /**
     * @param resolver how origin names resolve (the system's in production; a fixed table in tests)
     * @throws IllegalArgumentException when TRUST_ANCHORS cannot be read (a configuration error: fail at init)
     */
    public CheckService(LambdaSettings settings, AwsClientProvider clients, HostResolver resolver, Clock clock) {
        this.settings = settings;
        this.clients = clients;
        this.resolver = resolver;
        this.clock = clock;
        this.anchors = anchors(settings);
    }

    /** What a run produced: the report, the alerts built from it and the SNS messages sent. */
    public record RunResult(Report report, List<DistributionAlert> alerts, List<PublishedMessage> published) {
        public RunResult {
            alerts = List.copyOf(alerts);
            published = List.copyOf(published);
        }
    }

    /**
     * @param deadline when the invocation will be stopped (the Lambda Context's remaining time). Not used to cut the
     *                 run short yet: it is logged; origins' own timeouts bound a run (see docs/deploy.md)
     * @throws PublishFailedException when findings could not be published; they are logged first
     */
    public RunResult run(Trigger trigger, Instant deadline, StructuredLog log) {
        log.info("run started", "trigger", describe(trigger), "deadline", deadline.toString());
        if (trigger instanceof Trigger.Ignored ignored) {
            log.info("event ignored: " + ignored.reason(), "trigger", "Ignored");
            return new RunResult(emptyReport(), List.of(), List.of());
        }
        var cloudFront = clients.cloudFront();
        SourceResult source = new DistributionSelector(new CloudFrontDistributionSource(cloudFront), settings)
                .select(trigger);
        source.skippedDisabled().forEach(id -> log.info("distribution skipped: disabled (set INCLUDE_DISABLED=true "
                + "to check disabled distributions)", "distributionId", id));

        List<DistributionReport> unread = new ArrayList<>();
        List<Distribution> distributions = load(source, unread, log);
        if (trigger instanceof Trigger.PolicyChanged change) {
            distributions = distributions.stream().filter(d -> DistributionSelector.uses(d, change)).toList();
            log.info(distributions.size() + " distribution(s) use the changed policy", "policyId", change.policyId());
        }

        PolicyResult policies = new PolicyFetcher(cloudFront, CheckService::isManagedPolicy).fetchFor(distributions);
        policies.unavailable().forEach(p -> log.warn("policy could not be read", "policyId", p.id(),
                "policyType", p.kind().name(), "reason", p.reason()));

        Report checked = checker().check(distributions,
                new PolicyCatalog(policies.cachePolicies(), policies.originRequestPolicies()), trustNote());
        Report report = withSourceFindings(checked, distributions, policies, unread);

        List<DistributionAlert> alerts = new AlertBuilder(settings.minSeverity()).alerts(report);
        List<PublishedMessage> published = publish(report, alerts, log);
        log.info("run finished", "distributions", String.valueOf(report.summary().distributions()),
                "origins", String.valueOf(report.summary().origins()),
                "errors", String.valueOf(report.summary().errors()),
                "warnings", String.valueOf(report.summary().warnings()),
                "alerts", String.valueOf(alerts.size()), "published", String.valueOf(published.size()),
                "durationMs", String.valueOf(report.summary().durationMs()));
        return new RunResult(report, alerts, published);
    }

    /** Each distribution through the file loader's mapping and validation; what fails becomes an unread report. */
    private static List<Distribution> load(SourceResult source, List<DistributionReport> unread, StructuredLog log) {
        var loader = new DistributionFileLoader();
        List<Distribution> distributions = new ArrayList<>();
        for (SourcedDistribution sourced : source.distributions()) {
            try {
                distributions.addAll(loader.load(sourced.awsCliShape(), SOURCE));
            } catch (ConfigException e) {
                log.warn("distribution configuration could not be used", "distributionId", sourced.id(),
                        "reason", e.getMessage());
                unread.add(DistributionReport.unread(sourced.id(), SOURCE, SourceFindings.invalid(sourced.id(),
                        e.getMessage())));
            }
        }
        for (Unavailable unavailable : source.unavailable()) {
            log.warn("distribution could not be read", "distributionId", unavailable.id(),
                    "reason", unavailable.reason());
            unread.add(DistributionReport.unread(unavailable.id(), SOURCE, SourceFindings.unavailable(unavailable)));
        }
        return distributions;
    }

    /** The checked distributions (the engine keeps their order) with their policy findings, then the unread ones. */
    private static Report withSourceFindings(Report checked, List<Distribution> distributions, PolicyResult policies,
                                             List<DistributionReport> unread) {
        List<DistributionReport> all = new ArrayList<>();
        for (int i = 0; i < checked.distributions().size(); i++) {
            all.add(checked.distributions().get(i).withFindings(
                    SourceFindings.unresolvedPolicies(distributions.get(i), policies.unavailable())));
        }
        all.addAll(unread);
        return checked.withDistributions(all);
    }

    private List<PublishedMessage> publish(Report report, List<DistributionAlert> alerts, StructuredLog log) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        if (settings.topicArn().isEmpty()) {
            log.info(alerts.size() + " distribution(s) have findings at or above " + settings.minSeverity()
                    + "; TOPIC_ARN is not set, nothing published");
            return List.of();
        }
        TopicArn topic = settings.topicArn().get();
        try {
            List<PublishedMessage> published = new SnsFindingPublisher(clients.sns(topic.region()), topic)
                    .publish(alerts);
            published.forEach(m -> log.info("findings published", "distributionId", m.distributionId(),
                    "messageId", m.messageId(), "part", m.part() + "/" + m.parts()));
            return published;
        } catch (PublishFailedException e) {
            logUnpublished(report, e, log);
            throw e;
        }
    }

    /** So that the findings are not lost: each one that should have been published, as a log line. */
    private void logUnpublished(Report report, PublishFailedException e, StructuredLog log) {
        log.error("findings could not be published to SNS; the invocation fails so it is retried and reaches the "
                + "on-failure destination", "reason", e.getMessage());
        var builder = new AlertBuilder(settings.minSeverity());
        for (DistributionReport distribution : report.distributions()) {
            for (Finding f : builder.alerting(distribution)) {
                log.error("unpublished finding: " + f.message(), "distributionId", distribution.label(),
                        "originId", f.isAboutAnOrigin() ? f.originId() : null, "code", f.code().name(),
                        "severity", f.severity().name(),
                        "port", f.port().isPresent() ? String.valueOf(f.port().getAsInt()) : null,
                        "sni", f.sni().orElse(null), "remediation", f.remediation(),
                        "reproduce", f.reproduce().orElse(null));
            }
        }
    }

    private Checker checker() {
        var rules = new CertificateRules(anchors, settings.expiryWarning(), clock);
        var runner = new ProbeRunner(new OriginProber(HostResolver.cached(resolver), rules));
        return new Checker(new Planner(), runner, clock);
    }

    private Report emptyReport() {
        return new Report(clock.instant(), trustNote(), List.of(), new Summary(0, 0, 0, 0, 0));
    }

    private Report.TrustAnchorsNote trustNote() {
        return new Report.TrustAnchorsNote(anchors.description(),
                anchors.added().stream().map(c -> c.getSubjectX500Principal().getName()).toList());
    }

    private static boolean isManagedPolicy(String id) {
        return ManagedPolicies.cachePolicy(id).isPresent() || ManagedPolicies.originRequestPolicy(id).isPresent();
    }

    private static TrustAnchors anchors(LambdaSettings settings) {
        if (settings.trustAnchors().isEmpty()) {
            return TrustAnchors.mozilla();
        }
        try {
            return TrustAnchors.mozilla().plus(TrustAnchors.readPem(settings.trustAnchors().get()));
        } catch (TrustAnchorException e) {
            throw new IllegalArgumentException(LambdaSettings.TRUST_ANCHORS + ": " + e.getMessage(), e);
        }
    }

    static String describe(Trigger trigger) {
        return switch (trigger) {
            case Trigger.Scheduled s -> "Scheduled";
            case Trigger.DistributionChanged c -> c.eventName() + " " + c.distributionId();
            case Trigger.PolicyChanged p -> p.eventName() + " " + p.policyId();
            case Trigger.Manual m -> m.all() ? "Manual all" : "Manual " + String.join(",", m.distributionIds());
            case Trigger.Ignored i -> "Ignored";
        };
    }
}
