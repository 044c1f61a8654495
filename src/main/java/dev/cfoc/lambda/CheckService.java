package dev.cfoc.lambda;

import dev.cfoc.aws.CloudFrontDistributionSource;
import dev.cfoc.aws.DistributionAlert;
import dev.cfoc.aws.PolicyResult;
import dev.cfoc.aws.PublishFailedException;
import dev.cfoc.aws.PublishedMessage;
import dev.cfoc.aws.SnsFindingPublisher;
import dev.cfoc.aws.SourceResult;
import dev.cfoc.aws.SqsBatchSender;
import dev.cfoc.aws.TopicArn;
import dev.cfoc.cert.TrustAnchorException;
import dev.cfoc.check.Engine;
import dev.cfoc.config.Distribution;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.probe.Deadline;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.report.Report;
import dev.cfoc.source.ApiDistributions;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The serverless checker, whatever triggered it: trigger → distributions from the CloudFront API → custom
 * policies → the engine → report (with findings about distributions that could not be read) → SNS when the run has
 * findings at or above MIN_SEVERITY and TOPIC_ARN is set. Handlers stay thin over this.
 */
public final class CheckService {

    /** {@link Distribution#source()} of everything read here. */
    public static final String SOURCE = ApiDistributions.SOURCE;

    private final LambdaSettings settings;
    private final AwsClientProvider clients;
    private final Clock clock;
    private final Engine engine;
    private final EmfMetrics.Sink metrics;

    /**
     * @param resolver how origin names resolve (the system's in production; a fixed table in tests)
     * @throws IllegalArgumentException when TRUST_ANCHORS cannot be read (a configuration error: fail at init)
     */
    public CheckService(LambdaSettings settings, AwsClientProvider clients, HostResolver resolver, Clock clock) {
        this(settings, clients, resolver, clock, EmfMetrics.STDOUT);
    }

    /** @param metrics where the run's EMF metric lines go (stdout in Lambda, stderr for the local invoke) */
    public CheckService(LambdaSettings settings, AwsClientProvider clients, HostResolver resolver, Clock clock,
                        EmfMetrics.Sink metrics) {
        this.metrics = metrics;
        this.settings = settings;
        this.clients = clients;
        this.clock = clock;
        this.engine = engine(settings, resolver, clock);
    }

    /** What a run produced: the report, the alerts built from it and the SNS messages sent. */
    public record RunResult(Report report, List<DistributionAlert> alerts, List<PublishedMessage> published) {
        public RunResult {
            alerts = List.copyOf(alerts);
            published = List.copyOf(published);
        }
    }

    /**
     * What the run keeps back from the invocation's remaining time, for what a probe's worst case does not count
     * (DNS ≤ 5 s, the follow-up handshakes that explain a failure ≤ 2 × 10 s) and for publishing with the SDK's
     * retries. Decision: a run that ends with its probes unfinished publishes nothing, so the margin is generous.
     */
    public static final Duration DEADLINE_MARGIN = Duration.ofSeconds(45);

    /**
     * @param deadline when the invocation will be stopped (the Lambda Context's remaining time): probes that could
     *                 not finish {@link #DEADLINE_MARGIN} before it are not started and reported as
     *                 NOT_CHECKED_DEADLINE; the rest of the run is published as usual
     * @throws PublishFailedException when findings could not be published; they are logged first
     */
    public RunResult run(Trigger trigger, Instant deadline, StructuredLog log) {
        if (trigger instanceof Trigger.QueueBatch) {
            throw new IllegalArgumentException("an SQS batch is answered per message: use runBatch");
        }
        Instant started = clock.instant();
        log.info("run started", "trigger", describe(trigger), "deadline", deadline.toString());
        if (trigger instanceof Trigger.Ignored ignored) {
            log.info("event ignored: " + ignored.reason(), "trigger", "Ignored");
            return new RunResult(engine.emptyReport(), List.of(), List.of());
        }
        Pass pass = pass(trigger, started, probeDeadline(started, deadline), log);
        if (pass.publishFailure().isPresent()) {
            PublishFailedException e = pass.publishFailure().get();
            new RunLog(log).unpublished(pass.result().report(), e, new AlertBuilder(settings.minSeverity()), d -> true,
                    "the invocation fails so it is retried and reaches the on-failure destination");
            throw e;
        }
        if (pass.fanOut().isPresent() && !pass.fanOut().get().complete()) {
            FanOut.Result fanOut = pass.fanOut().get();
            throw new FanOutFailedException(settings.fanOut().orElseThrow().queueUrl().value(), fanOut.unsentIds(),
                    fanOut.distributions());
        }
        return pass.result();
    }

    /**
     * Checks the distributions of every readable message of an SQS batch in one engine run (so their probes run
     * concurrently), publishes as {@link #run} does, and answers per message. A message fails (and SQS delivers it
     * again, then to the dead-letter queue) when it cannot be read, when the findings of one of its distributions
     * could not be published (they are logged), or when one of its distributions was not fully checked before the
     * deadline. A distribution the API cannot give is a SOURCE_UNAVAILABLE finding, published: its message succeeds.
     */
    public BatchResult runBatch(Trigger.QueueBatch batch, Instant deadline, StructuredLog log) {
        Instant started = clock.instant();
        log.info("run started", "trigger", describe(batch), "deadline", deadline.toString());
        batch.foreignRecords().forEach(r -> log.error("not an SQS message: " + r));
        List<String> failed = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<QueueMessage.Readable> readable = new ArrayList<>();
        for (QueueMessage message : batch.messages()) {
            switch (message) {
                case QueueMessage.Rejected r -> {
                    log.error("message rejected, it fails (after maxReceiveCount it goes to the dead-letter queue): "
                            + r.reason(), "messageId", r.messageId(), "receiveCount", String.valueOf(r.receiveCount()));
                    failed.add(r.messageId());
                }
                case QueueMessage.Readable r -> {
                    readable.add(r);
                    ids.addAll(r.distributionIds());
                }
            }
        }
        if (!ids.isEmpty()) {
            Pass pass = pass(new Trigger.Manual(List.copyOf(ids), false), started, probeDeadline(started, deadline),
                    log);
            Set<String> unpublished = new HashSet<>();
            pass.publishFailure().ifPresent(e -> {
                e.failures().forEach(f -> unpublished.add(f.distributionId()));
                new RunLog(log).unpublished(pass.result().report(), e, new AlertBuilder(settings.minSeverity()),
                        d -> unpublished.contains(d.label()),
                        "the messages naming these distributions fail so SQS delivers them again");
            });
            Set<String> notChecked = notFullyChecked(pass.result().report());
            for (QueueMessage.Readable r : readable) {
                Optional<String> reason = r.distributionIds().stream().filter(unpublished::contains).findFirst()
                        .map(id -> "the findings of " + id + " could not be published")
                        .or(() -> r.distributionIds().stream().filter(notChecked::contains).findFirst()
                                .map(id -> id + " was not fully checked before the invocation's deadline"));
                reason.ifPresent(why -> {
                    log.warn("message fails, SQS delivers it again: " + why, "messageId", r.messageId(),
                            "receiveCount", String.valueOf(r.receiveCount()),
                            "distributionIds", String.join(",", r.distributionIds()));
                    failed.add(r.messageId());
                });
            }
        }
        BatchResult result = new BatchResult(failed);
        log.info("batch answered", "messages", String.valueOf(batch.messages().size()),
                "failed", String.valueOf(result.failedMessageIds().size()));
        return result;
    }

    /** What one pass produced; failures to publish or to queue are returned, for the caller to decide. */
    private record Pass(RunResult result, Optional<PublishFailedException> publishFailure,
                        Optional<FanOut.Result> fanOut) {
    }

    private Pass pass(Trigger trigger, Instant started, Deadline probeDeadline, StructuredLog log) {
        var cloudFront = clients.cloudFront();
        SourceResult source = new DistributionSelector(new CloudFrontDistributionSource(cloudFront), settings)
                .select(trigger);
        source.skippedDisabled().forEach(id -> log.info("distribution skipped: disabled (set INCLUDE_DISABLED=true "
                + "to check disabled distributions)", "distributionId", id));

        ApiDistributions.Loaded loaded = ApiDistributions.load(source);
        loaded.unread().forEach(d -> d.findings().forEach(f -> log.warn("distribution could not be checked",
                "distributionId", d.label(), "code", f.code().name(), "reason", f.message())));
        List<Distribution> distributions = loaded.distributions();
        if (trigger instanceof Trigger.PolicyChanged change) {
            distributions = distributions.stream().filter(d -> DistributionSelector.uses(d, change)).toList();
            log.info(distributions.size() + " distribution(s) use the changed policy", "policyId", change.policyId());
        }
        Optional<FanOut.Result> fanOut = Optional.empty();
        List<String> notes = List.of();
        if (fansOut(trigger)) {
            FanOut.Result queued = queue(distributions, log);
            fanOut = Optional.of(queued);
            notes = List.of("fan-out: " + (queued.distributions() - queued.unsentIds().size()) + " of "
                    + queued.distributions() + " distribution(s) queued in " + queued.messages() + " message(s) to "
                    + settings.fanOut().orElseThrow().queueUrl().name() + "; each is checked and published when SQS "
                    + "delivers it");
            distributions = List.of();
        }

        PolicyResult policies = ApiDistributions.policies(cloudFront, distributions);
        policies.unavailable().forEach(p -> log.warn("policy could not be read", "policyId", p.id(),
                "policyType", p.kind().name(), "reason", p.reason()));

        Report checked = engine.check(distributions, ApiDistributions.catalog(policies), probeDeadline);
        Report report = settings.suppressions().apply(
                ApiDistributions.withSourceFindings(checked, distributions, policies, loaded.unread()),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).withNotes(notes);
        RunLog runLog = new RunLog(log);
        runLog.expiredSuppressions(settings.suppressions().expiredOn(LocalDate.ofInstant(clock.instant(),
                ZoneOffset.UTC)));
        runLog.findings(report);
        runLog.notChecked(report);
        List<DistributionAlert> alerts = new AlertBuilder(settings.minSeverity()).alerts(report);
        List<PublishedMessage> published;
        Optional<PublishFailedException> publishFailure = Optional.empty();
        try {
            published = publish(alerts, log);
        } catch (PublishFailedException e) {
            published = e.published();
            publishFailure = Optional.of(e);
        }
        long runDurationMs = Duration.between(started, clock.instant()).toMillis();
        EmfMetrics.emit(metrics, report, runDurationMs, clock.instant());
        log.info("run finished", "distributions", String.valueOf(report.summary().distributions()),
                "origins", String.valueOf(report.summary().origins()),
                "errors", String.valueOf(report.summary().errors()),
                "warnings", String.valueOf(report.summary().warnings()),
                "suppressed", String.valueOf(report.summary().suppressed()),
                "alerts", String.valueOf(alerts.size()), "published", String.valueOf(published.size()),
                "durationMs", String.valueOf(report.summary().durationMs()),
                "runDurationMs", String.valueOf(runDurationMs));
        return new Pass(new RunResult(report, alerts, published), publishFailure, fanOut);
    }

    /** Fan-out is on and the trigger asks for the whole fleet: a schedule, or a manual {"all": true}. */
    private boolean fansOut(Trigger trigger) {
        return settings.fanOut().isPresent() && (trigger instanceof Trigger.Scheduled
                || trigger instanceof Trigger.Manual manual && manual.all());
    }

    private FanOut.Result queue(List<Distribution> distributions, StructuredLog log) {
        FanOutSettings fanOut = settings.fanOut().orElseThrow();
        List<String> ids = distributions.stream().map(Distribution::id).flatMap(Optional::stream).distinct().toList();
        var sender = new SqsBatchSender(clients.sqs(fanOut.queueUrl()), fanOut.queueUrl());
        FanOut.Result result = new FanOut(sender, fanOut.batchSize()).queue(ids);
        for (int i = 0; i < result.unsentIds().size(); i++) {
            log.error("distribution could not be queued; the invocation fails so the run is retried",
                    "distributionId", result.unsentIds().get(i), "reason", result.reasons().get(i),
                    "queue", fanOut.queueUrl().value());
        }
        log.info("fan-out: distributions queued", "distributions", String.valueOf(result.distributions()),
                "messages", String.valueOf(result.messages()), "unsent", String.valueOf(result.unsentIds().size()),
                "queue", fanOut.queueUrl().value());
        return result;
    }

    /** The distributions with a connection that was not checked because the deadline came first. */
    private static Set<String> notFullyChecked(Report report) {
        Set<String> ids = new HashSet<>();
        report.distributions().forEach(d -> {
            if (d.allFindings().anyMatch(f -> f.code() == FindingCode.NOT_CHECKED_DEADLINE)) {
                ids.add(d.label());
            }
        });
        return ids;
    }

    /** The probes' deadline: the invocation's end less {@link #DEADLINE_MARGIN}, on the monotonic clock. */
    static Deadline probeDeadline(Instant now, Instant invocationEnds) {
        Duration budget = Duration.between(now, invocationEnds).minus(DEADLINE_MARGIN);
        return Deadline.after(budget.isNegative() ? Duration.ZERO : budget);
    }

    /** @throws PublishFailedException when some alerts could not be published (the rest were) */
    private List<PublishedMessage> publish(List<DistributionAlert> alerts, StructuredLog log) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        if (settings.topicArn().isEmpty()) {
            log.info(alerts.size() + " distribution(s) have findings at or above " + settings.minSeverity()
                    + "; TOPIC_ARN is not set, nothing published");
            return List.of();
        }
        TopicArn topic = settings.topicArn().get();
        List<PublishedMessage> published = new SnsFindingPublisher(clients.sns(topic.region()), topic).publish(alerts);
        new RunLog(log).published(published);
        return published;
    }

    /** @throws IllegalArgumentException when TRUST_ANCHORS cannot be read */
    private static Engine engine(LambdaSettings settings, HostResolver resolver, Clock clock) {
        Engine.Builder engine = Engine.builder().expiryWarning(settings.expiryWarning()).resolver(resolver).clock(clock);
        if (settings.trustAnchors().isPresent()) {
            try {
                engine.addRootsFrom(settings.trustAnchors().get());
            } catch (TrustAnchorException e) {
                throw new IllegalArgumentException(LambdaSettings.TRUST_ANCHORS + ": " + e.getMessage(), e);
            }
        }
        return engine.build();
    }

    static String describe(Trigger trigger) {
        return switch (trigger) {
            case Trigger.Scheduled s -> "Scheduled";
            case Trigger.DistributionChanged c -> c.eventName() + " " + c.distributionId();
            case Trigger.PolicyChanged p -> p.eventName() + " " + p.policyId();
            case Trigger.Manual m -> m.all() ? "Manual all" : "Manual " + String.join(",", m.distributionIds());
            case Trigger.Ignored i -> "Ignored";
            case Trigger.QueueBatch b -> "SQS batch of " + b.messages().size() + " message(s)";
        };
    }
}
