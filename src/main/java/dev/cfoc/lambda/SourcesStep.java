package dev.cfoc.lambda;

import dev.cfoc.aws.ContinuousDeployments;
import dev.cfoc.aws.PolicyResult;
import dev.cfoc.aws.SourceResult;
import dev.cfoc.aws.SqsBatchSender;
import dev.cfoc.config.Distribution;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.source.ApiDistributions;
import dev.cfoc.source.StagingPrimaries;

import java.util.List;
import java.util.Optional;

/**
 * Sources: the selected distributions made ready for the engine. Each goes through the config loader (those that
 * cannot be read become SOURCE_UNAVAILABLE reports), a changed policy keeps only the distributions that use it, a
 * fan-out run (a schedule, {"all": true}, a changed policy) queues them to SQS instead of checking them, staging
 * distributions get their primary's names, and the custom policies they use are read once.
 */
final class SourcesStep {

    /**
     * What the engine checks, and what completes its report.
     *
     * @param unread the distributions that could not be read, each a report with its SOURCE_UNAVAILABLE finding
     * @param notes  what the report says about the run itself (the fan-out)
     * @param fanOut what was queued, when the run fanned out
     */
    record Sourced(List<Distribution> distributions, PolicyResult policies, List<DistributionReport> unread,
                   List<String> notes, Optional<FanOut.Result> fanOut) {
        Sourced {
            distributions = List.copyOf(distributions);
            unread = List.copyOf(unread);
            notes = List.copyOf(notes);
        }
    }

    private final LambdaSettings settings;
    private final AwsClientProvider clients;

    SourcesStep(LambdaSettings settings, AwsClientProvider clients) {
        this.settings = settings;
        this.clients = clients;
    }

    /** @param deployments the run's continuous deployment lookups (shared with {@link IntakeStep}) */
    Sourced load(Trigger trigger, SourceResult selected, ContinuousDeployments deployments, RunContext run) {
        ApiDistributions.Loaded loaded = ApiDistributions.load(selected);
        loaded.unread().forEach(d -> d.findings().forEach(f -> run.log().warn("distribution could not be checked",
                "distributionId", d.label(), "code", f.code().name(), "reason", f.message())));
        List<Distribution> distributions = loaded.distributions();
        if (trigger instanceof Trigger.PolicyChanged change) {
            distributions = distributions.stream().filter(d -> DistributionSelector.uses(d, change)).toList();
            run.log().info(distributions.size() + " distribution(s) use the changed policy", "policyId",
                    change.policyId());
        }
        Optional<FanOut.Result> fanOut = Optional.empty();
        List<String> notes = List.of();
        if (fansOut(trigger)) {
            FanOut.Result queued = queue(distributions, run.log());
            fanOut = Optional.of(queued);
            notes = List.of("fan-out: " + (queued.distributions() - queued.unsentIds().size()) + " of "
                    + queued.distributions() + " distribution(s) queued in " + queued.messages() + " message(s) to "
                    + settings.fanOut().orElseThrow().queueUrl().name() + "; each is checked and published when SQS "
                    + "delivers it");
            distributions = List.of();
        }

        StagingPrimaries.Resolved staging = StagingPrimaries.attach(deployments, distributions);
        staging.unresolved().forEach(why -> run.log().warn("staging distribution: its primary (whose names viewers "
                + "use) was not found: " + why));
        distributions = staging.distributions();
        PolicyResult policies = ApiDistributions.policies(clients.cloudFront(), distributions);
        policies.unavailable().forEach(p -> run.log().warn("policy could not be read", "policyId", p.id(),
                "policyType", p.kind().name(), "reason", p.reason()));
        return new Sourced(distributions, policies, loaded.unread(), notes, fanOut);
    }

    /**
     * Fan-out is on and the trigger asks for many distributions: a schedule, a manual {"all": true}, or a changed cache
     * or origin request policy (every distribution that uses it).
     */
    private boolean fansOut(Trigger trigger) {
        return settings.fanOut().isPresent() && (trigger instanceof Trigger.Scheduled
                || trigger instanceof Trigger.Manual manual && manual.all() || trigger instanceof Trigger.PolicyChanged);
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
}
