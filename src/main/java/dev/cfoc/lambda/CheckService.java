package dev.cfoc.lambda;

import dev.cfoc.aws.DistributionAlert;
import dev.cfoc.aws.PublishFailedException;
import dev.cfoc.aws.PublishedMessage;
import dev.cfoc.cert.TrustAnchorException;
import dev.cfoc.check.Engine;
import dev.cfoc.config.Distribution;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.firewall.Firewall;
import dev.cfoc.probe.Deadline;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.report.FindingHistory;
import dev.cfoc.report.Report;
import dev.cfoc.source.ApiDistributions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The serverless checker, whatever triggered it: each run goes through the {@link Pipeline} (intake → sources →
 * engine → suppression → publication → telemetry); this class decides what a run's failures cost, which differs
 * for one event ({@link #run}: the invocation fails) and for an SQS batch ({@link #runBatch}: the messages naming
 * what failed do). Handlers stay thin over this.
 */
public final class CheckService {

    /** {@link Distribution#source()} of everything read here. */
    public static final String SOURCE = ApiDistributions.SOURCE;

    private final LambdaSettings settings;
    private final Clock clock;
    private final Engine engine;
    private final Pipeline pipeline;

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
        this(settings, clients, resolver, clock, metrics, Firewall.off());
    }

    /** @param firewall whether the origins' security groups are checked and VPC origins probed ({@link LambdaFirewall}) */
    public CheckService(LambdaSettings settings, AwsClientProvider clients, HostResolver resolver, Clock clock,
                        EmfMetrics.Sink metrics, Firewall firewall) {
        this.settings = settings;
        this.clock = clock;
        this.engine = engine(settings, resolver, clock).firewall(firewall).build();
        this.pipeline = new Pipeline(settings, clients, engine, clock, metrics);
    }

    /**
     * What a run produced: the report, the alerts built from it and the SNS messages sent.
     *
     * @param history with alert state, what it knows of the report's findings (the answer's {@code firstSeen})
     */
    public record RunResult(Report report, List<DistributionAlert> alerts, List<PublishedMessage> published,
                            FindingHistory history) {
        public RunResult {
            alerts = List.copyOf(alerts);
            published = List.copyOf(published);
        }

        public RunResult(Report report, List<DistributionAlert> alerts, List<PublishedMessage> published) {
            this(report, alerts, published, FindingHistory.NONE);
        }
    }

    /**
     * Decision: what the run keeps back from the invocation's remaining time, 45 s. Every wait of a probe is capped to
     * the probes' deadline (connect, handshake, response; the follow-up handshakes that explain a failure are skipped
     * when they do not fit), so the probes end by it, except a DNS lookup (≤ 5 s, once per name, which cannot be
     * interrupted) and closing sockets. The rest is for writing the report and publishing it with the SDK's retries
     * and timeouts, then the metrics: a run that ends with its findings unpublished loses them, so the margin stays
     * generous (5 % of the template's 900 s).
     */
    public static final Duration DEADLINE_MARGIN = Duration.ofSeconds(45);

    /**
     * @param deadline when the invocation will be stopped (the Lambda Context's remaining time): every probe's waits
     *                 are capped to end {@link #DEADLINE_MARGIN} before it; a connection that runs out of time is
     *                 reported as NOT_CHECKED_DEADLINE; the rest of the run is published as usual
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
        RunContext run = new RunContext(started, probeDeadline(started, deadline), invocationDeadline(started, deadline),
                log);
        Pipeline.Pass pass = pipeline.run(trigger, run);
        if (pass.publishFailure().isPresent()) {
            PublishFailedException e = pass.publishFailure().get();
            pipeline.publication().logUnpublished(pass.result().report(), e, d -> true,
                    "the invocation fails so it is retried and reaches the on-failure destination", run);
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
            RunContext run = new RunContext(started, probeDeadline(started, deadline),
                    invocationDeadline(started, deadline), log);
            Pipeline.Pass pass = pipeline.run(new Trigger.Manual(List.copyOf(ids), false), run);
            Set<String> unpublished = new HashSet<>();
            pass.publishFailure().ifPresent(e -> {
                e.failures().forEach(f -> unpublished.add(f.distributionId()));
                pipeline.publication().logUnpublished(pass.result().report(), e, d -> unpublished.contains(d.label()),
                        "the messages naming these distributions fail so SQS delivers them again", run);
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

    /** When the invocation ends, on the monotonic clock. */
    static Deadline invocationDeadline(Instant now, Instant invocationEnds) {
        Duration left = Duration.between(now, invocationEnds);
        return Deadline.after(left.isNegative() ? Duration.ZERO : left);
    }

    /** @throws IllegalArgumentException when TRUST_ANCHORS cannot be read */
    private static Engine.Builder engine(LambdaSettings settings, HostResolver resolver, Clock clock) {
        Engine.Builder engine = Engine.builder().expiryWarning(settings.expiryWarning()).resolver(resolver).clock(clock)
                .allowPrivateOrigins(settings.allowPrivateOrigins());
        if (settings.trustAnchors().isPresent()) {
            try {
                engine.addRootsFrom(settings.trustAnchors().get());
            } catch (TrustAnchorException e) {
                throw new IllegalArgumentException(LambdaSettings.TRUST_ANCHORS + ": " + e.getMessage(), e);
            }
        }
        return engine;
    }

    static String describe(Trigger trigger) {
        return switch (trigger) {
            case Trigger.Scheduled s -> "Scheduled";
            case Trigger.DistributionChanged c -> c.eventName() + " " + c.distributionId();
            case Trigger.PolicyChanged p -> p.eventName() + " " + p.policyId();
            case Trigger.TenantChanged t -> t.eventName() + " " + t.tenantId();
            case Trigger.ContinuousDeploymentChanged c -> c.eventName() + " " + c.policyId();
            case Trigger.Manual m -> m.all() ? "Manual all" : "Manual " + String.join(",", m.distributionIds());
            case Trigger.Ignored i -> "Ignored";
            case Trigger.QueueBatch b -> "SQS batch of " + b.messages().size() + " message(s)";
        };
    }
}
