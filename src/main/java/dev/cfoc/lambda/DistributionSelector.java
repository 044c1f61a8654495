package dev.cfoc.lambda;

import dev.cfoc.aws.CloudFrontDistributionSource;
import dev.cfoc.aws.ContinuousDeployments;
import dev.cfoc.aws.DistributionTenants;
import dev.cfoc.aws.PolicyKind;
import dev.cfoc.aws.SourceResult;
import dev.cfoc.aws.Unavailable;
import dev.cfoc.config.CacheBehavior;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.ViewerNames;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which distributions a trigger asks for, read from the CloudFront API. */
final class DistributionSelector {

    /**
     * Decision: distribution ids named in a manual event are checked even when disabled; whoever names one wants
     * it checked (typically before enabling it). Schedules and change events skip disabled ones unless
     * INCLUDE_DISABLED is set.
     */
    static final boolean MANUAL_IDS_INCLUDE_DISABLED = true;

    private final CloudFrontDistributionSource source;
    private final DistributionTenants tenants;
    private final ContinuousDeployments deployments;
    private final LambdaSettings settings;

    DistributionSelector(CloudFrontDistributionSource source, DistributionTenants tenants,
                         ContinuousDeployments deployments, LambdaSettings settings) {
        this.source = source;
        this.tenants = tenants;
        this.deployments = deployments;
        this.settings = settings;
    }

    /**
     * Scheduled: every distribution, or DISTRIBUTION_IDS. A changed distribution: that one. A changed policy: the
     * distributions the API says use it (ListDistributionsBy…PolicyId). A changed tenant: its parent distribution,
     * reached also with the tenant's domains. A changed continuous deployment policy: the staging distributions it
     * names. Manual: the ids given, or every distribution.
     */
    SourceResult select(Trigger trigger) {
        boolean disabled = settings.includeDisabled();
        return switch (trigger) {
            case Trigger.Scheduled s -> settings.distributionIds().isEmpty() ? source.all(disabled)
                    : source.byIds(settings.distributionIds(), disabled);
            case Trigger.DistributionChanged changed -> source.byIds(List.of(changed.distributionId()), disabled);
            case Trigger.PolicyChanged p -> source.byPolicy(p.kind() == Trigger.PolicyKind.CACHE_POLICY
                    ? PolicyKind.CACHE : PolicyKind.ORIGIN_REQUEST, p.policyId(), disabled);
            case Trigger.TenantChanged t -> parentOf(t.tenantId(), disabled);
            case Trigger.ContinuousDeploymentChanged c -> stagingOf(c.policyId(), disabled);
            case Trigger.Manual manual -> manual.all() ? source.all(disabled)
                    : source.byIds(manual.distributionIds(), MANUAL_IDS_INCLUDE_DISABLED || disabled);
            case Trigger.Ignored ignored -> new SourceResult(List.of(), List.of(), List.of());
            case Trigger.QueueBatch batch -> throw new IllegalArgumentException(
                    "an SQS batch names its distributions per message; select them as a manual event");
        };
    }

    private SourceResult parentOf(String tenantId, boolean includeDisabled) {
        return switch (tenants.read(tenantId)) {
            case DistributionTenants.Lookup.Found found -> {
                SourceResult parent = source.byIds(List.of(found.tenant().distributionId()), includeDisabled);
                ViewerNames domains = new ViewerNames(found.tenant().domains(), "domains of distribution tenant "
                        + tenantId);
                yield new SourceResult(parent.distributions().stream().map(d -> d.withViewerNames(domains)).toList(),
                        parent.unavailable(), parent.skippedDisabled());
            }
            case DistributionTenants.Lookup.Failed failed -> new SourceResult(List.of(),
                    List.of(new Unavailable(tenantId, failed.reason())), List.of());
        };
    }

    private SourceResult stagingOf(String policyId, boolean includeDisabled) {
        return switch (deployments.stagingDomainNames(policyId)) {
            case ContinuousDeployments.Found.Value<Set<String>> names -> source.stagingNamed(names.value(),
                    includeDisabled);
            case ContinuousDeployments.Found.Missing<Set<String>> missing -> new SourceResult(List.of(),
                    List.of(new Unavailable(policyId, missing.reason())), List.of());
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
