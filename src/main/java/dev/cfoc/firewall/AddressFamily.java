package dev.cfoc.firewall;

import dev.cfoc.config.IpAddressType;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/** IPv4 or IPv6: security group rules, prefix lists and CloudFront's connections each belong to one. */
public enum AddressFamily {
    IPV4("IPv4", "0.0.0.0/0"),
    IPV6("IPv6", "::/0");

    private final String label;
    private final String everywhere;

    AddressFamily(String label, String everywhere) {
        this.label = label;
        this.everywhere = everywhere;
    }

    /** As AWS writes it (DescribeManagedPrefixLists' AddressFamily): IPv4, IPv6. */
    public String label() {
        return label;
    }

    /** The CIDR that admits every address of the family. */
    public String everywhere() {
        return everywhere;
    }

    /**
     * The families CloudFront connects with for an origin's IpAddressType: dualstack means CloudFront may use
     * either, so the firewall must admit it on both (docs/cloudfront-rules.md#ip-address-type).
     */
    public static List<AddressFamily> usedBy(IpAddressType type) {
        return switch (type) {
            case IPV4 -> List.of(IPV4);
            case IPV6 -> List.of(IPV6);
            case DUALSTACK -> List.of(IPV4, IPV6);
        };
    }

    public static AddressFamily of(InetAddress address) {
        return address instanceof Inet6Address ? IPV6 : IPV4;
    }
}
