package dev.cfoc.config;

/**
 * A function associated with a cache behavior.
 *
 * @param kind      CloudFront Function or Lambda@Edge
 * @param eventType viewer-request, origin-request, …
 * @param arn       the function ARN
 */
public record EdgeFunction(Kind kind, String eventType, String arn) {

    public enum Kind { CLOUDFRONT_FUNCTION, LAMBDA_EDGE }

    /** Only request-side functions run before CloudFront connects to the origin. */
    public boolean runsBeforeOriginRequest() {
        return eventType.equals("viewer-request") || eventType.equals("origin-request");
    }
}
