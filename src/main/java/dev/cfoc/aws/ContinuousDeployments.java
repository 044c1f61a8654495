package dev.cfoc.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.ContinuousDeploymentPolicyConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.StagingDistributionDnsNames;

/**
 * Continuous deployment as the CloudFront API records it: a primary distribution names its continuous deployment
 * policy (DistributionConfig.ContinuousDeploymentPolicyId), and the policy names the staging distribution by its
 * domain name (StagingDistributionDnsNames). Neither the policy nor the staging distribution names the primary, so
 * {@link #primaryOf} looks for it. Each policy is read once per instance (one run).
 */
public final class ContinuousDeployments {

    /**
     * Decision: how many distributions {@link #primaryOf} reads (GetDistribution each) before giving up. A staging
     * distribution is created as a copy of its primary, so candidates sharing its origins come first and the primary
     * is almost always the first one read; the bound keeps a large account from paying one call per distribution.
     */
    static final int MAX_PRIMARY_CANDIDATES = 20;

    /** The primary of a staging distribution: the names viewers use to reach both. */
    public record Primary(String id, String domainName, List<String> aliases) {
        public Primary {
            aliases = List.copyOf(aliases);
        }
    }

    /** What a lookup gave: a value, or the reason there is none. */
    public sealed interface Found<T> {
        record Value<T>(T value) implements Found<T> {
        }

        record Missing<T>(String reason) implements Found<T> {
        }
    }

    private final CloudFrontClient cloudFront;
    private final Map<String, Found<Set<String>>> stagingNames = new HashMap<>();
    private Optional<List<DistributionSummary>> listed = Optional.empty();

    public ContinuousDeployments(CloudFrontClient cloudFront) {
        this.cloudFront = cloudFront;
    }

    /** The domain names of the staging distributions a policy routes traffic to (GetContinuousDeploymentPolicy). */
    public synchronized Found<Set<String>> stagingDomainNames(String policyId) {
        return stagingNames.computeIfAbsent(policyId, this::readStagingNames);
    }

    /**
     * The primary of the staging distribution {@code stagingDomainName}: the distribution whose continuous deployment
     * policy names it. Candidates (every distribution that is not staging, from ListDistributions) are read with
     * GetDistribution, those sharing the most origin domain names with the staging distribution first, at most
     * {@link #MAX_PRIMARY_CANDIDATES}.
     */
    public synchronized Found<Primary> primaryOf(String stagingDomainName, Collection<String> stagingOriginDomains) {
        Found<List<DistributionSummary>> summaries = summaries();
        if (summaries instanceof Found.Missing<List<DistributionSummary>> missing) {
            return new Found.Missing<>(missing.reason());
        }
        List<DistributionSummary> candidates = ((Found.Value<List<DistributionSummary>>) summaries).value().stream()
                .filter(s -> !Boolean.TRUE.equals(s.staging()))
                .sorted(Comparator.comparingInt((DistributionSummary s) -> -shared(s, stagingOriginDomains)))
                .limit(MAX_PRIMARY_CANDIDATES)
                .toList();
        for (DistributionSummary candidate : candidates) {
            Optional<String> policyId = policyOf(candidate.id());
            if (policyId.isPresent() && stagingDomainNames(policyId.get()) instanceof Found.Value<Set<String>> names
                    && names.value().contains(stagingDomainName)) {
                return new Found.Value<>(new Primary(candidate.id(), candidate.domainName(),
                        candidate.aliases() == null ? List.of() : candidate.aliases().items()));
            }
        }
        return new Found.Missing<>("no continuous deployment policy of the " + candidates.size() + " distribution(s) "
                + "read names " + stagingDomainName);
    }

    private Found<Set<String>> readStagingNames(String policyId) {
        try {
            ContinuousDeploymentPolicyConfig config = cloudFront.getContinuousDeploymentPolicy(r -> r.id(policyId))
                    .continuousDeploymentPolicy().continuousDeploymentPolicyConfig();
            StagingDistributionDnsNames names = config == null ? null : config.stagingDistributionDnsNames();
            return new Found.Value<>(names == null ? Set.of() : Set.copyOf(names.items()));
        } catch (SdkException | NullPointerException e) {
            return new Found.Missing<>("GetContinuousDeploymentPolicy " + policyId + ": "
                    + (e instanceof SdkException sdk ? SdkFailures.describe(sdk) : "the response has no policy"));
        }
    }

    private Optional<String> policyOf(String distributionId) {
        try {
            DistributionConfig config = cloudFront.getDistribution(r -> r.id(distributionId)).distribution()
                    .distributionConfig();
            return Optional.ofNullable(config.continuousDeploymentPolicyId()).filter(id -> !id.isBlank());
        } catch (SdkException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private Found<List<DistributionSummary>> summaries() {
        if (listed.isEmpty()) {
            var all = new ArrayList<DistributionSummary>();
            Optional<Unavailable> stopped = new CloudFrontDistributionSource(cloudFront).summaries(all::add);
            if (stopped.isPresent()) {
                return new Found.Missing<>(stopped.get().reason());
            }
            listed = Optional.of(List.copyOf(all));
        }
        return new Found.Value<>(listed.get());
    }

    private static int shared(DistributionSummary summary, Collection<String> originDomains) {
        if (summary.origins() == null) {
            return 0;
        }
        return (int) summary.origins().items().stream().map(Origin::domainName).filter(originDomains::contains).count();
    }
}
