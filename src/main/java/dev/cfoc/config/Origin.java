package dev.cfoc.config;

import java.util.List;
import java.util.Optional;

/**
 * One origin of a distribution.
 *
 * @param connectionAttempts  1–3, CloudFront default 3
 * @param connectionTimeoutSeconds 1–10, CloudFront default 10
 * @param mtlsConfigured     the origin has an OriginMtlsConfig: CloudFront presents a client certificate we do not have
 */
public record Origin(
        String id,
        String domainName,
        String originPath,
        List<CustomHeader> customHeaders,
        OriginType type,
        int connectionAttempts,
        int connectionTimeoutSeconds,
        Optional<String> originShieldRegion,
        boolean mtlsConfigured) {

    public static final int DEFAULT_CONNECTION_ATTEMPTS = 3;
    public static final int DEFAULT_CONNECTION_TIMEOUT_SECONDS = 10;

    public Origin {
        customHeaders = List.copyOf(customHeaders);
    }
}
