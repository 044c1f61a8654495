package dev.cfoc.config;

/** ViewerProtocolPolicy of a cache behavior. */
public enum ViewerProtocolPolicy implements ApiValue {
    ALLOW_ALL("allow-all"),
    HTTPS_ONLY("https-only"),
    REDIRECT_TO_HTTPS("redirect-to-https");

    private final String apiValue;

    ViewerProtocolPolicy(String apiValue) {
        this.apiValue = apiValue;
    }

    @Override
    public String apiValue() {
        return apiValue;
    }

    /** True when plain-HTTP viewer requests reach the origin through this behavior. */
    public boolean letsHttpViewersThrough() {
        return this == ALLOW_ALL;
    }
}
