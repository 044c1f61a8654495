package dev.cfoc.lambda;

import dev.cfoc.report.Report;

import java.time.Clock;
import java.time.Duration;

/** Telemetry: the run's CloudWatch metrics ({@link EmfMetrics}) and its summary log line, "run finished". */
final class TelemetryStep {

    private final EmfMetrics.Sink metrics;
    private final Clock clock;

    TelemetryStep(EmfMetrics.Sink metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    void record(Report report, PublicationStep.Published published, RunContext run) {
        long runDurationMs = Duration.between(run.started(), clock.instant()).toMillis();
        EmfMetrics.emit(metrics, report, runDurationMs, clock.instant());
        run.log().info("run finished", "distributions", String.valueOf(report.summary().distributions()),
                "origins", String.valueOf(report.summary().origins()),
                "errors", String.valueOf(report.summary().errors()),
                "warnings", String.valueOf(report.summary().warnings()),
                "suppressed", String.valueOf(report.summary().suppressed()),
                "distributionsChecked", String.valueOf(report.coverage().distributionsChecked()),
                "notChecked", String.valueOf(report.coverage().notCheckedTotal()),
                "alerts", String.valueOf(published.alerts().size()),
                "published", String.valueOf(published.messages().size()),
                "durationMs", String.valueOf(report.summary().durationMs()),
                "runDurationMs", String.valueOf(runDurationMs));
    }
}
