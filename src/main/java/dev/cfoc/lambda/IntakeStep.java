package dev.cfoc.lambda;

import dev.cfoc.aws.CloudFrontDistributionSource;
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
        SourceResult selected = new DistributionSelector(new CloudFrontDistributionSource(clients.cloudFront()),
                settings).select(trigger);
        selected.skippedDisabled().forEach(id -> run.log().info("distribution skipped: disabled (set "
                + "INCLUDE_DISABLED=true to check disabled distributions)", "distributionId", id));
        return selected;
    }
}
