package dev.cfoc.config;

import java.util.List;
import java.util.Optional;

/**
 * A cache behavior (the default one has path pattern "*"), with what decides whether Host is forwarded.
 *
 * @param legacyForwardedHeaders ForwardedValues.Headers.Items when the behavior uses legacy settings
 * @param edgeFunctions          CloudFront Functions and Lambda@Edge associations (they may rewrite Host)
 */
public record CacheBehavior(
        String pathPattern,
        String targetOriginId,
        ViewerProtocolPolicy viewerProtocolPolicy,
        Optional<List<String>> legacyForwardedHeaders,
        Optional<String> cachePolicyId,
        Optional<String> originRequestPolicyId,
        List<EdgeFunction> edgeFunctions) {

    public static final String DEFAULT_PATH_PATTERN = "*";

    public CacheBehavior {
        legacyForwardedHeaders = legacyForwardedHeaders.map(List::copyOf);
        edgeFunctions = List.copyOf(edgeFunctions);
    }

    public boolean isDefault() {
        return DEFAULT_PATH_PATTERN.equals(pathPattern);
    }
}
