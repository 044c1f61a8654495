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

    SourceResult select(Trigger trigger, RunContext run) {
        var cloudFront = clients.cloudFront();
        SourceResult selected = new DistributionSelector(new CloudFrontDistributionSource(cloudFront),
                new DistributionTenants(cloudFront), new ContinuousDeployments(cloudFront), settings).select(trigger);
        selected.skippedDisabled().forEach(id -> run.log().info("distribution skipped: disabled (set "
                + "INCLUDE_DISABLED=true to check disabled distributions)", "distributionId", id));
        return selected;
    }
}
