package dev.cfoc.plan;

import dev.cfoc.config.HeadersConfig;

import java.util.Map;
import java.util.Optional;

/**
 * The policies known for one run: the managed ones (always, from {@link ManagedPolicies}) plus custom cache and
 * origin request policies read by the source (the CloudFront API source fills these maps; files cannot).
 *
 * @param cachePolicies         custom cache policy ID → its HeadersConfig
 * @param originRequestPolicies custom origin request policy ID → its HeadersConfig
 */
public record PolicyCatalog(Map<String, HeadersConfig> cachePolicies,
                            Map<String, HeadersConfig> originRequestPolicies) {

    public PolicyCatalog {
        cachePolicies = Map.copyOf(cachePolicies);
        originRequestPolicies = Map.copyOf(originRequestPolicies);
    }

    /** Only the managed policies: what a run from files knows. */
    public static PolicyCatalog empty() {
        return new PolicyCatalog(Map.of(), Map.of());
    }

    public Optional<HeadersConfig> cachePolicy(String id) {
        return ManagedPolicies.cachePolicy(id).map(ManagedPolicies.ManagedPolicy::headers)
                .or(() -> Optional.ofNullable(cachePolicies.get(id)));
    }

    public Optional<HeadersConfig> originRequestPolicy(String id) {
        return ManagedPolicies.originRequestPolicy(id).map(ManagedPolicies.ManagedPolicy::headers)
                .or(() -> Optional.ofNullable(originRequestPolicies.get(id)));
    }
}
