package dev.cfoc.config;

import java.util.List;
import java.util.Optional;

/**
 * A cache behavior (the default one has path pattern "*"), with what decides whether Host is forwarded.
 *
 * @param legacyForwardedHeaders ForwardedValues.Headers.Items when the behavior uses legacy settings
 * @param edgeFunctions          CloudFront Functions and Lambda@Edge associations (they may rewrite Host)
 * @param allowedMethods         AllowedMethods.Items (HTTP methods CloudFront forwards), upper case; CloudFront's
 *                               default when absent: GET and HEAD
 */
public record CacheBehavior(
        String pathPattern,
        String targetOriginId,
        ViewerProtocolPolicy viewerProtocolPolicy,
        Optional<List<String>> legacyForwardedHeaders,
        Optional<String> cachePolicyId,
        Optional<String> originRequestPolicyId,
        List<EdgeFunction> edgeFunctions,
        List<String> allowedMethods) {

    public static final String DEFAULT_PATH_PATTERN = "*";
    /** AllowedMethods when a configuration leaves it out (the API's default). */
    public static final List<String> DEFAULT_ALLOWED_METHODS = List.of("GET", "HEAD");

    public CacheBehavior {
        legacyForwardedHeaders = legacyForwardedHeaders.map(List::copyOf);
        edgeFunctions = List.copyOf(edgeFunctions);
        allowedMethods = List.copyOf(allowedMethods);
    }

    /** With the default AllowedMethods (GET, HEAD). */
    public CacheBehavior(String pathPattern, String targetOriginId, ViewerProtocolPolicy viewerProtocolPolicy,
                         Optional<List<String>> legacyForwardedHeaders, Optional<String> cachePolicyId,
                         Optional<String> originRequestPolicyId, List<EdgeFunction> edgeFunctions) {
        this(pathPattern, targetOriginId, viewerProtocolPolicy, legacyForwardedHeaders, cachePolicyId,
                originRequestPolicyId, edgeFunctions, DEFAULT_ALLOWED_METHODS);
    }

    public boolean isDefault() {
        return DEFAULT_PATH_PATTERN.equals(pathPattern);
    }
}
