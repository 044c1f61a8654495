package dev.cfoc.config;

/**
 * The values of a custom origin's OriginSslProtocols: the protocols CloudFront may offer it. The model keeps them as
 * the API's strings ({@link CustomOriginConfig#originSslProtocols}); {@code plan.TlsVersion} maps them to the wire.
 */
enum OriginSslProtocol implements ApiValue {
    SSLV3("SSLv3"),
    TLSV1("TLSv1"),
    TLSV1_1("TLSv1.1"),
    TLSV1_2("TLSv1.2");

    private final String apiValue;

    OriginSslProtocol(String apiValue) {
        this.apiValue = apiValue;
    }

    @Override
    public String apiValue() {
        return apiValue;
    }
}
