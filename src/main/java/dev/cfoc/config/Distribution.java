package dev.cfoc.config;

import java.util.List;
import java.util.Optional;

/**
 * One CloudFront distribution as the checker sees it: the parts of a DistributionConfig that decide
 * how CloudFront connects to its origins. Filled by the file loader and (later) the CloudFront API source.
 *
 * @param id          distribution id (E…), empty for a bare DistributionConfig file
 * @param source      where it was read from (file path, or "cloudfront-api")
 * @param domainName  the distribution's *.cloudfront.net name, when known
 * @param staging     a staging distribution of continuous deployment (DistributionConfig.Staging): viewers reach it
 *                    only through its primary distribution, with the primary's names
 * @param continuousDeploymentPolicyId the primary's policy routing part of its traffic to a staging distribution
 * @param viewerNames Host values viewers send besides the aliases (a tenant's domains, a staging distribution's
 *                    primary's names), when the source learnt them
 */
public record Distribution(
        Optional<String> id,
        String source,
        Optional<String> domainName,
        List<String> aliases,
        boolean enabled,
        List<Origin> origins,
        List<OriginGroup> originGroups,
        CacheBehavior defaultCacheBehavior,
        List<CacheBehavior> cacheBehaviors,
        boolean staging,
        Optional<String> continuousDeploymentPolicyId,
        Optional<ViewerNames> viewerNames) {

    public Distribution {
        aliases = List.copyOf(aliases);
        origins = List.copyOf(origins);
        originGroups = List.copyOf(originGroups);
        cacheBehaviors = List.copyOf(cacheBehaviors);
    }

    /** A distribution that is not a staging distribution, with no names learnt elsewhere. */
    public Distribution(Optional<String> id, String source, Optional<String> domainName, List<String> aliases,
                        boolean enabled, List<Origin> origins, List<OriginGroup> originGroups,
                        CacheBehavior defaultCacheBehavior, List<CacheBehavior> cacheBehaviors) {
        this(id, source, domainName, aliases, enabled, origins, originGroups, defaultCacheBehavior, cacheBehaviors,
                false, Optional.empty(), Optional.empty());
    }

    /** The same distribution, reached by viewers also with {@code names}. */
    public Distribution withViewerNames(ViewerNames names) {
        return new Distribution(id, source, domainName, aliases, enabled, origins, originGroups, defaultCacheBehavior,
                cacheBehaviors, staging, continuousDeploymentPolicyId, Optional.of(names));
    }

    /** The default behavior first, then the path behaviors in configured order. */
    public List<CacheBehavior> allBehaviors() {
        var all = new java.util.ArrayList<CacheBehavior>(cacheBehaviors.size() + 1);
        all.add(defaultCacheBehavior);
        all.addAll(cacheBehaviors);
        return List.copyOf(all);
    }

    public Optional<Origin> origin(String originId) {
        return origins.stream().filter(o -> o.id().equals(originId)).findFirst();
    }

    public Optional<OriginGroup> originGroup(String groupId) {
        return originGroups.stream().filter(g -> g.id().equals(groupId)).findFirst();
    }

    /** The same distribution under {@code distributionId} (e.g. given on the command line for a file that has none). */
    public Distribution withId(String distributionId) {
        return new Distribution(Optional.of(distributionId), source, domainName, aliases, enabled, origins, originGroups,
                defaultCacheBehavior, cacheBehaviors, staging, continuousDeploymentPolicyId, viewerNames);
    }

    /** A label for reports: the id, else the source. */
    public String label() {
        return id.orElse(source);
    }
}
