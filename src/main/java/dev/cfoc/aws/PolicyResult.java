package dev.cfoc.aws;

import dev.cfoc.config.HeadersConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The custom policies read for a run: HeadersConfig by policy id, for cache policies
 * (ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig) and origin request policies (HeadersConfig),
 * and the ones that could not be read.
 */
public record PolicyResult(Map<String, HeadersConfig> cachePolicies,
                           Map<String, HeadersConfig> originRequestPolicies,
                           List<UnavailablePolicy> unavailable) {

    public PolicyResult {
        cachePolicies = Collections.unmodifiableMap(new LinkedHashMap<>(cachePolicies));
        originRequestPolicies = Collections.unmodifiableMap(new LinkedHashMap<>(originRequestPolicies));
        unavailable = List.copyOf(unavailable);
    }
}
