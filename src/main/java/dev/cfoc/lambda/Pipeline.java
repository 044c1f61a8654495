package dev.cfoc.lambda;

import dev.cfoc.aws.ContinuousDeployments;
import dev.cfoc.aws.PublishFailedException;
import dev.cfoc.aws.SourceResult;
import dev.cfoc.check.Engine;
import dev.cfoc.report.Report;

import java.time.Clock;
import java.util.Optional;

/**
 * One run of the Lambda as named steps, in this order:
 * <ol>
 *   <li>{@link IntakeStep intake}: which distributions the trigger asks for, from the CloudFront API;</li>
 *   <li>{@link SourcesStep sources}: loaded, filtered for a changed policy, queued instead when the run fans out,
 *       custom policies read;</li>
 *   <li>{@link EngineStep engine}: checked, with findings about what could not be read;</li>
 *   <li>{@link SuppressionStep suppression}: acknowledged findings marked;</li>
 *   <li>{@link TelemetryStep telemetry}: EMF metrics and the "run checked" line, before anything that can block;</li>
 *   <li>{@link AlertStateStep alert state}: with STATE_TABLE, which transition each distribution makes;</li>
 *   <li>{@link PublicationStep publication}: findings logged, alerts (or transitions) published to SNS within the
 *       invocation's time;</li>
 *   <li>{@link TelemetryStep telemetry}: the "run finished" line, with what was published.</li>
 * </ol>
 * Each step is a class of its own, given what the steps before it produced and the {@link RunContext}. A new step
 * is one class and one line in {@link #run}. What a failure to publish or to queue costs is {@link CheckService}'s
 * decision (it differs for an SQS batch).
 */
final class Pipeline {

    /** What one run produced; failures to publish or to queue are returned for the caller to decide. */
    record Pass(CheckService.RunResult result, Optional<PublishFailedException> publishFailure,
                Optional<FanOut.Result> fanOut) {
    }

    private final AwsClientProvider clients;
    private final IntakeStep intake;
    private final SourcesStep sources;
    private final EngineStep engine;
    private final SuppressionStep suppression;
    private final AlertStateStep alertState;
    private final PublicationStep publication;
    private final TelemetryStep telemetry;

    Pipeline(LambdaSettings settings, AwsClientProvider clients, Engine engine, Clock clock,
             EmfMetrics.Sink metrics) {
        this.clients = clients;
        this.intake = new IntakeStep(settings, clients);
        this.sources = new SourcesStep(settings, clients);
        this.engine = new EngineStep(engine);
        this.suppression = new SuppressionStep(settings.suppressions(), clock);
        this.alertState = new AlertStateStep(settings, clients, clock);
        this.publication = new PublicationStep(settings, clients);
        this.telemetry = new TelemetryStep(metrics, clock);
    }

    Pass run(Trigger trigger, RunContext run) {
        // one per run, shared by intake and sources: each continuous deployment policy and the listing it searches
        // for a staging distribution's primary are read once
        var deployments = new ContinuousDeployments(clients.cloudFront());
        SourceResult selected = intake.select(trigger, deployments, run);
        SourcesStep.Sourced sourced = sources.load(trigger, selected, deployments, run);
        Report checked = engine.check(sourced, run);
        // the run's own notes (fan-out) follow those of the suppressions, in the report
        Report report = suppression.apply(checked, run).withNotes(sourced.notes());
        telemetry.record(report, run);
        AlertStateStep.Decided decided = alertState.decide(report, run);
        PublicationStep.Published published = publication.publish(report, decided, run);
        telemetry.finished(published, run);
        return new Pass(new CheckService.RunResult(report, published.alerts(), published.messages(), decided.history()),
                published.failure(), sourced.fanOut());
    }

    /** The step that knows which findings should have been published, for the log when SNS failed. */
    PublicationStep publication() {
        return publication;
    }
}
