package dev.cfoc.config;

import java.util.Arrays;
import java.util.Optional;

/** ViewerProtocolPolicy of a cache behavior. */
public enum ViewerProtocolPolicy {
    ALLOW_ALL("allow-all"),
    HTTPS_ONLY("https-only"),
    REDIRECT_TO_HTTPS("redirect-to-https");

    private final String apiValue;

    ViewerProtocolPolicy(String apiValue) {
        this.apiValue = apiValue;
    }

    public String apiValue() {
        return apiValue;
    }

    /** True when plain-HTTP viewer requests reach the origin through this behavior. */
    public boolean letsHttpViewersThrough() {
        return this == ALLOW_ALL;
    }

    public static Optional<ViewerProtocolPolicy> fromApiValue(String value) {
        return Arrays.stream(values()).filter(p -> p.apiValue.equals(value)).findFirst();
    }
}
