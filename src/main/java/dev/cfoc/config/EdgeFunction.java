package dev.cfoc.config;

/**
 * A function associated with a cache behavior.
 *
 * @param kind      CloudFront Function or Lambda@Edge
 * @param eventType viewer-request, origin-request, … (an {@link EventType} API value)
 * @param arn       the function ARN
 */
public record EdgeFunction(Kind kind, String eventType, String arn) {

    public enum Kind { CLOUDFRONT_FUNCTION, LAMBDA_EDGE }

    /** The EventType of a function association. */
    public enum EventType implements ApiValue {
        VIEWER_REQUEST("viewer-request", true),
        VIEWER_RESPONSE("viewer-response", false),
        ORIGIN_REQUEST("origin-request", true),
        ORIGIN_RESPONSE("origin-response", false);

        private final String apiValue;
        private final boolean beforeOriginRequest;

        EventType(String apiValue, boolean beforeOriginRequest) {
            this.apiValue = apiValue;
            this.beforeOriginRequest = beforeOriginRequest;
        }

        @Override
        public String apiValue() {
            return apiValue;
        }
    }

    /** Only request-side functions run before CloudFront connects to the origin. */
    public boolean runsBeforeOriginRequest() {
        return ApiValue.find(EventType.class, eventType).filter(type -> type.beforeOriginRequest).isPresent();
    }
}
