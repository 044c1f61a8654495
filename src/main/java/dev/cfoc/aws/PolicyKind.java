package dev.cfoc.aws;

/** The two kinds of CloudFront policy whose HeadersConfig decides whether Host reaches the origin. */
public enum PolicyKind {
    CACHE("GetCachePolicy"),
    ORIGIN_REQUEST("GetOriginRequestPolicy");

    private final String operation;

    PolicyKind(String operation) {
        this.operation = operation;
    }

    /** The API operation that reads this kind. */
    public String operation() {
        return operation;
    }
}
