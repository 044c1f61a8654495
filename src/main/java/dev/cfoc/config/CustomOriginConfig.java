package dev.cfoc.config;

import java.util.List;

/**
 * CustomOriginConfig of the CloudFront API.
 *
 * @param originSslProtocols the OriginSslProtocols.Items values as configured (SSLv3, TLSv1, TLSv1.1, TLSv1.2)
 */
public record CustomOriginConfig(
        int httpPort,
        int httpsPort,
        OriginProtocolPolicy protocolPolicy,
        List<String> originSslProtocols,
        int readTimeoutSeconds,
        int keepaliveTimeoutSeconds) {

    public static final int DEFAULT_HTTP_PORT = 80;
    public static final int DEFAULT_HTTPS_PORT = 443;
    public static final int DEFAULT_READ_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_KEEPALIVE_TIMEOUT_SECONDS = 5;

    public CustomOriginConfig {
        originSslProtocols = List.copyOf(originSslProtocols);
    }
}
