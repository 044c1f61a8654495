package dev.cfoc.config;

/** OriginProtocolPolicy: which scheme CloudFront uses towards the origin. */
public enum OriginProtocolPolicy implements ApiValue {
    HTTP_ONLY("http-only"),
    HTTPS_ONLY("https-only"),
    MATCH_VIEWER("match-viewer");

    private final String apiValue;

    OriginProtocolPolicy(String apiValue) {
        this.apiValue = apiValue;
    }

    @Override
    public String apiValue() {
        return apiValue;
    }
}
