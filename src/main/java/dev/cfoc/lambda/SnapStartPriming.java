package dev.cfoc.lambda;

import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.aws.AwsClients;
import dev.cfoc.aws.CloudFrontDistributionSource;
import dev.cfoc.aws.PublishedMessage;
import dev.cfoc.aws.QueueUrl;
import dev.cfoc.aws.SendOutcome;
import dev.cfoc.aws.SqsBatchSender;
import dev.cfoc.aws.SnsFindingPublisher;
import dev.cfoc.aws.TopicArn;
import dev.cfoc.check.Engine;
import dev.cfoc.config.ConfigException;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.sample.DemoOrigins;
import dev.cfoc.sample.SampleAwsEndpoint;
import dev.cfoc.finding.Severity;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.probe.Deadline;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.report.JsonReportWriter;
import dev.cfoc.report.Report;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, run everything a real invocation runs, on
 * this machine only, so that the classes are loaded and the hot paths compiled in the snapshot. The demo's sample
 * origins (healthy and broken: certificate failures, TLS diagnosis, HTTP) are checked with the real engine, the
 * report is written, and the CloudFront, SNS and SQS (fan-out) clients make real requests to a loopback stand-in
 * ({@link SampleAwsEndpoint}) with throwaway credentials.
 *
 * <p>Nothing that must be unique is kept in the snapshot: the function's own AWS clients are still created on first
 * use (after restore, with the real credentials), and every TLS handshake draws its randomness from the JDK's
 * default {@code SecureRandom}, which reads the kernel's entropy on each call (see docs/decisions.md).
 */
public final class SnapStartPriming implements Resource {

    /** Priming's own bound: it must never make the snapshot (Lambda's init phase) wait long. */
    static final Duration PRIMING_DEADLINE = Duration.ofSeconds(10);

    private static final TopicArn PRIMING_TOPIC = TopicArn.parse("arn:aws:sns:us-east-1:000000000000:priming");

    /** What priming did: origins and connections checked, requests made to the AWS stand-in, and how long it took. */
    public record Result(int origins, int findings, List<String> awsRequests, int messagesPublished, int messagesQueued,
                         Duration took) {
        public Result {
            awsRequests = List.copyOf(awsRequests);
        }
    }

    private final StructuredLog log;

    public SnapStartPriming(StructuredLog log) {
        this.log = log;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            Result result = prime();
            log.info("primed for SnapStart", "origins", String.valueOf(result.origins()),
                    "awsRequests", String.valueOf(result.awsRequests().size()),
                    "durationMs", String.valueOf(result.took().toMillis()));
        } catch (RuntimeException | ConfigException e) {
            // only an optimisation: the snapshot is still good, the first invocations are just slower
            log.warn("SnapStart priming failed; the snapshot is taken unprimed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: see the class comment
    }

    /** Runs the checker's whole path once against in-process origins and a loopback AWS stand-in. */
    public static Result prime() throws ConfigException {
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        try (DemoOrigins origins = DemoOrigins.start(); SampleAwsEndpoint aws = SampleAwsEndpoint.start()) {
            var distributions = new DistributionFileLoader().loadString(origins.distributionJson(), "priming");
            Engine engine = Engine.builder().addRoots(List.of(origins.rootCertificate()))
                    .resolver(HostResolver.fixed(origins.hosts())).clock(clock).allowPrivateOrigins(true).build();
            Report report = engine.check(distributions, PolicyCatalog.empty(), Deadline.after(PRIMING_DEADLINE));
            new JsonReportWriter().write(report);
            EmfMetrics.emit(line -> { }, report, 0, clock.instant());

            AwsCalls calls = callAws(aws, report);
            return new Result(report.summary().origins(),
                    (int) report.findings().count(),
                    aws.requestLines(), calls.published().size(), calls.queued().sent(),
                    Duration.between(started, clock.instant()));
        }
    }

    private record AwsCalls(List<PublishedMessage> published, SendOutcome queued) {
    }

    private static AwsCalls callAws(SampleAwsEndpoint aws, Report report) {
        AwsClientOptions options = AwsClientOptions.defaults()
                .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .withEndpointOverride(aws.uri());
        try (CloudFrontClient cloudFront = AwsClients.cloudFront(options);
             SnsClient sns = AwsClients.sns(Region.US_EAST_1, options);
             SqsClient sqs = AwsClients.sqs(Region.US_EAST_1, options)) {
            new CloudFrontDistributionSource(cloudFront).all(false);
            SendOutcome queued = new SqsBatchSender(sqs, QueueUrl.parse(aws.uri() + "/000000000000/priming"))
                    .send(QueueMessages.bodies(List.of("EPRIMING00000"), 1));
            return new AwsCalls(new SnsFindingPublisher(sns, PRIMING_TOPIC)
                    .publish(new AlertBuilder(Severity.INFO).alerts(report)), queued);
        }
    }

    /** The log for the hook's own lines: JSON on stdout, like the function's other lines before a request. */
    static StructuredLog stdoutLog() {
        return new StructuredLog(StructuredLog.STDOUT, Clock.systemUTC(), Optional.empty());
    }
}
