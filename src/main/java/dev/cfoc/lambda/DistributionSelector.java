package dev.cfoc.lambda;

import dev.cfoc.aws.CloudFrontDistributionSource;
import dev.cfoc.aws.SourceResult;
import dev.cfoc.config.CacheBehavior;
import dev.cfoc.config.Distribution;

import java.util.List;
import java.util.Optional;

/** Which distributions a trigger asks for, read from the CloudFront API. */
final class DistributionSelector {

    /**
     * Decision: distribution ids named in a manual event are checked even when disabled; whoever names one wants
     * it checked (typically before enabling it). Schedules and change events skip disabled ones unless
     * INCLUDE_DISABLED is set.
     */
    static final boolean MANUAL_IDS_INCLUDE_DISABLED = true;

    private final CloudFrontDistributionSource source;
    private final LambdaSettings settings;

    DistributionSelector(CloudFrontDistributionSource source, LambdaSettings settings) {
        this.source = source;
        this.settings = settings;
    }

    /**
     * Scheduled: every distribution, or DISTRIBUTION_IDS. A changed distribution: that one. A changed policy: every
     * distribution (ListDistributions carries each one's behaviors; {@link #uses} keeps those that use the policy).
     * Manual: the ids given, or every distribution.
     */
    SourceResult select(Trigger trigger) {
        boolean disabled = settings.includeDisabled();
        return switch (trigger) {
            case Trigger.Scheduled s -> settings.distributionIds().isEmpty() ? source.all(disabled)
                    : source.byIds(settings.distributionIds(), disabled);
            case Trigger.DistributionChanged changed -> source.byIds(List.of(changed.distributionId()), disabled);
            case Trigger.PolicyChanged p -> source.all(disabled);
            case Trigger.Manual manual -> manual.all() ? source.all(disabled)
                    : source.byIds(manual.distributionIds(), MANUAL_IDS_INCLUDE_DISABLED || disabled);
            case Trigger.Ignored ignored -> new SourceResult(List.of(), List.of(), List.of());
            case Trigger.QueueBatch batch -> throw new IllegalArgumentException(
                    "an SQS batch names its distributions per message; select them as a manual event");
        };
    }

    /** Whether any behavior of {@code distribution} uses the changed policy. */
    static boolean uses(Distribution distribution, Trigger.PolicyChanged change) {
        return distribution.allBehaviors().stream()
                .map(behavior -> policyId(behavior, change.kind()))
                .flatMap(Optional::stream)
                .anyMatch(change.policyId()::equals);
    }

    private static Optional<String> policyId(CacheBehavior behavior, Trigger.PolicyKind kind) {
        return switch (kind) {
            case CACHE_POLICY -> behavior.cachePolicyId();
            case ORIGIN_REQUEST_POLICY -> behavior.originRequestPolicyId();
        };
    }
}
