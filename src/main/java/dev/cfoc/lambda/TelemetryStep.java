package dev.cfoc.lambda;

import dev.cfoc.report.Report;

import java.time.Clock;
import java.time.Duration;

/**
 * Telemetry: the run's CloudWatch metrics ({@link EmfMetrics}) and its summary log line, "run checked", written as
 * soon as the report is final and before anything that can block (publishing), so that a run killed later still
 * counts; then, once the run is done, "run finished" with what was published.
 */
final class TelemetryStep {

    private final EmfMetrics.Sink metrics;
    private final Clock clock;

    TelemetryStep(EmfMetrics.Sink metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The metrics and the "run checked" line: what the report found. */
    void record(Report report, RunContext run) {
        long runDurationMs = runDurationMs(run);
        EmfMetrics.emit(metrics, report, runDurationMs, clock.instant());
        run.log().info("run checked", "distributions", String.valueOf(report.summary().distributions()),
                "origins", String.valueOf(report.summary().origins()),
                "errors", String.valueOf(report.summary().errors()),
                "warnings", String.valueOf(report.summary().warnings()),
                "suppressed", String.valueOf(report.summary().suppressed()),
                "distributionsChecked", String.valueOf(report.coverage().distributionsChecked()),
                "notChecked", String.valueOf(report.coverage().notCheckedTotal()),
                "durationMs", String.valueOf(report.summary().durationMs()),
                "runDurationMs", String.valueOf(runDurationMs));
    }

    /** The last line of a run: how many alerts there were and how many SNS messages went out or failed. */
    void finished(PublicationStep.Published published, RunContext run) {
        run.log().info("run finished", "alerts", String.valueOf(published.alerts().size()),
                "published", String.valueOf(published.messages().size()),
                "unpublished", String.valueOf(published.failure().map(f -> f.failures().size()).orElse(0)),
                "runDurationMs", String.valueOf(runDurationMs(run)));
    }

    private long runDurationMs(RunContext run) {
        return Duration.between(run.started(), clock.instant()).toMillis();
    }
}
