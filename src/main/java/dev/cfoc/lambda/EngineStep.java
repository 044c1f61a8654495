package dev.cfoc.lambda;

import dev.cfoc.check.Engine;
import dev.cfoc.report.Report;
import dev.cfoc.source.ApiDistributions;

/**
 * Engine: the sourced distributions checked before the run's probe deadline, each with its POLICY_UNRESOLVED
 * findings, then the distributions that could not be read.
 */
final class EngineStep {

    private final Engine engine;

    EngineStep(Engine engine) {
        this.engine = engine;
    }

    Report check(SourcesStep.Sourced sourced, RunContext run) {
        Report checked = engine.check(sourced.distributions(), ApiDistributions.catalog(sourced.policies()),
                run.probeDeadline());
        return ApiDistributions.withSourceFindings(checked, sourced.distributions(), sourced.policies(),
                sourced.unread());
    }
}
