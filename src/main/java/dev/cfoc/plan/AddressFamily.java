package dev.cfoc.plan;

import dev.cfoc.config.OriginType;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * The IP family of one connection CloudFront makes to an origin (docs/cloudfront-rules.md#ip-address-type).
 * {@code CustomOriginConfig.IpAddressType} decides which: {@code ipv4} (also when absent) and {@code ipv6} one family,
 * {@code dualstack} both. Decision: with {@code dualstack} CloudFront may connect with either family, so each family is
 * a connection of its own and probed as one: an IPv6 success never hides an IPv4 failure. S3 REST origins (no
 * IpAddressType) are reached over IPv4.
 */
public enum AddressFamily {
    IPV4("IPv4", "A"),
    IPV6("IPv6", "AAAA");

    private final String label;
    private final String dnsRecord;

    AddressFamily(String label, String dnsRecord) {
        this.label = label;
        this.dnsRecord = dnsRecord;
    }

    /** The families CloudFront connects to {@code origin} with, IPv4 first. */
    public static List<AddressFamily> usedFor(OriginType origin) {
        if (!(origin instanceof OriginType.Custom custom)) {
            return List.of(IPV4);
        }
        return switch (custom.config().ipAddressType()) {
            case IPV4 -> List.of(IPV4);
            case IPV6 -> List.of(IPV6);
            case DUALSTACK -> List.of(IPV4, IPV6);
        };
    }

    public boolean contains(InetAddress address) {
        return this == IPV4 ? address instanceof Inet4Address : address instanceof Inet6Address;
    }

    /** The addresses of this family, in the resolver's order. */
    public List<InetAddress> of(List<InetAddress> addresses) {
        return addresses.stream().filter(this::contains).toList();
    }

    /** "IPv4" / "IPv6". */
    public String label() {
        return label;
    }

    /** The DNS record type that gives addresses of this family: "A" / "AAAA". */
    public String dnsRecord() {
        return dnsRecord;
    }
}
