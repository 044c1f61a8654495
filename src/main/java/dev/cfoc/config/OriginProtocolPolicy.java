package dev.cfoc.config;

import java.util.Arrays;
import java.util.Optional;

/** OriginProtocolPolicy: which scheme CloudFront uses towards the origin. */
public enum OriginProtocolPolicy {
    HTTP_ONLY("http-only"),
    HTTPS_ONLY("https-only"),
    MATCH_VIEWER("match-viewer");

    private final String apiValue;

    OriginProtocolPolicy(String apiValue) {
        this.apiValue = apiValue;
    }

    public String apiValue() {
        return apiValue;
    }

    public static Optional<OriginProtocolPolicy> fromApiValue(String value) {
        return Arrays.stream(values()).filter(p -> p.apiValue.equals(value)).findFirst();
    }
}
