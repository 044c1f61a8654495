package dev.cfoc.lambda;

import dev.cfoc.aws.CloudFrontDistributionSource;
import dev.cfoc.aws.ContinuousDeployments;
import dev.cfoc.aws.DistributionTenants;
import dev.cfoc.aws.SourceResult;

/**
 * Intake: which distributions the trigger asks for ({@link DistributionSelector}), read from the CloudFront API.
 * Disabled distributions it skipped are logged, so a skip is visible.
 */
final class IntakeStep {

    private final LambdaSettings settings;
    private final AwsClientProvider clients;

    IntakeStep(LambdaSettings settings, AwsClientProvider clients) {
        this.settings = settings;
        this.clients = clients;
    }

    /** @param deployments the run's continuous deployment lookups (shared with {@link SourcesStep}) */
    SourceResult select(Trigger trigger, ContinuousDeployments deployments, RunContext run) {
        var cloudFront = clients.cloudFront();
        SourceResult selected = new DistributionSelector(new CloudFrontDistributionSource(cloudFront),
                new DistributionTenants(cloudFront), deployments, settings).select(trigger);
        selected.skippedDisabled().forEach(id -> run.log().info("distribution skipped: disabled (set "
                + "INCLUDE_DISABLED=true to check disabled distributions)", "distributionId", id));
        return selected;
    }
}
