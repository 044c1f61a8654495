package dev.cfoc.plan;

import java.util.Arrays;
import java.util.Optional;

/** TLS versions by their OriginSslProtocols names. TLSv1.3 exists only for diagnosing origins; CloudFront never offers it. */
public enum TlsVersion {
    SSLV3("SSLv3", 0x0300),
    TLSV1("TLSv1", 0x0301),
    TLSV1_1("TLSv1.1", 0x0302),
    TLSV1_2("TLSv1.2", 0x0303),
    TLSV1_3("TLSv1.3", 0x0304);

    private final String apiName;
    private final int wireValue;

    TlsVersion(String apiName, int wireValue) {
        this.apiName = apiName;
        this.wireValue = wireValue;
    }

    /** The name used by OriginSslProtocols (and by reports). */
    public String apiName() {
        return apiName;
    }

    /** The protocol version as sent on the wire (major &lt;&lt; 8 | minor). */
    public int wireValue() {
        return wireValue;
    }

    public boolean isDeprecated() {
        return this == SSLV3 || this == TLSV1 || this == TLSV1_1;
    }

    public static Optional<TlsVersion> fromWireValue(int wire) {
        return Arrays.stream(values()).filter(v -> v.wireValue == wire).findFirst();
    }
}
