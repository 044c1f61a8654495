package dev.cfoc.config;

/**
 * CustomOriginConfig.IpAddressType: the address family CloudFront uses to connect to a custom origin.
 * Absent means {@link #IPV4} (CloudFront API reference, CustomOriginConfig; docs/cloudfront-rules.md#ip-address-type).
 */
public enum IpAddressType implements ApiValue {
    IPV4("ipv4"),
    IPV6("ipv6"),
    DUALSTACK("dualstack");

    /** What CloudFront uses when the field is absent. */
    public static final IpAddressType DEFAULT = IPV4;

    private final String apiValue;

    IpAddressType(String apiValue) {
        this.apiValue = apiValue;
    }

    @Override
    public String apiValue() {
        return apiValue;
    }
}
