package dev.cfoc.probe;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Where an IP address can be reached from: the public internet, or only a private network, this host or nothing.
 * CloudFront connects to origins from its edge over the internet, so only {@link #PUBLIC} addresses can be its
 * origins' (a VPC origin is another origin type, not a private address behind a public name). The ranges are IANA's
 * special-purpose registries (RFC 6890 and its updates). Pure code, no I/O.
 */
public enum AddressScope {
    PUBLIC("public"),
    UNSPECIFIED("unspecified (0.0.0.0, ::)"),
    LOOPBACK("loopback (this host)"),
    LINK_LOCAL("link-local (169.254.0.0/16, fe80::/10: includes the instance metadata service 169.254.169.254)"),
    PRIVATE("private (RFC 1918: 10/8, 172.16/12, 192.168/16)"),
    SHARED("shared address space (CGNAT, 100.64.0.0/10)"),
    UNIQUE_LOCAL("unique-local (fc00::/7) or site-local (fec0::/10)"),
    MULTICAST("multicast"),
    RESERVED("reserved (this-network 0/8, IETF 192.0.0/24, documentation, benchmarking 198.18/15, 240/4, broadcast,"
            + " discard-only 100::/64)");

    private final String description;

    AddressScope(String description) {
        this.description = description;
    }

    /** For people: "private (RFC 1918: …)". */
    public String description() {
        return description;
    }

    public boolean isPublic() {
        return this == PUBLIC;
    }

    /** True for the scopes of a private network's own hosts (RFC 1918, CGNAT, unique-local): not this host. */
    boolean isPrivateNetwork() {
        return this == PRIVATE || this == SHARED || this == UNIQUE_LOCAL;
    }

    /** A range and the scope of its addresses. */
    private record Range(byte[] prefix, int bits, AddressScope scope) {
        static Range of(String cidr, AddressScope scope) {
            String[] parts = cidr.split("/");
            try {
                return new Range(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]), scope);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("not an address literal: " + cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    /** IPv4 ranges that are not public (IANA IPv4 Special-Purpose Address Registry), most specific first. */
    private static final List<Range> IPV4 = List.of(
            Range.of("0.0.0.0/32", UNSPECIFIED),
            Range.of("0.0.0.0/8", RESERVED),
            Range.of("10.0.0.0/8", PRIVATE),
            Range.of("100.64.0.0/10", SHARED),
            Range.of("127.0.0.0/8", LOOPBACK),
            Range.of("169.254.0.0/16", LINK_LOCAL),
            Range.of("172.16.0.0/12", PRIVATE),
            Range.of("192.0.0.0/24", RESERVED),
            Range.of("192.0.2.0/24", RESERVED),
            Range.of("192.168.0.0/16", PRIVATE),
            Range.of("198.18.0.0/15", RESERVED),
            Range.of("198.51.100.0/24", RESERVED),
            Range.of("203.0.113.0/24", RESERVED),
            Range.of("224.0.0.0/4", MULTICAST),
            Range.of("240.0.0.0/4", RESERVED));

    /** IPv6 ranges that are not public (IANA IPv6 Special-Purpose Address Registry). IPv4-mapped: see {@link #of}. */
    private static final List<Range> IPV6 = List.of(
            Range.of("::/128", UNSPECIFIED),
            Range.of("::1/128", LOOPBACK),
            Range.of("::/96", RESERVED), // IPv4-compatible (deprecated)
            Range.of("100::/64", RESERVED),
            Range.of("2001:db8::/32", RESERVED),
            Range.of("fc00::/7", UNIQUE_LOCAL),
            Range.of("fe80::/10", LINK_LOCAL),
            Range.of("fec0::/10", UNIQUE_LOCAL),
            Range.of("ff00::/8", MULTICAST));

    private static final byte[] IPV4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};

    public static AddressScope of(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && Arrays.equals(bytes, 0, 12, IPV4_MAPPED_PREFIX, 0, 12)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16); // ::ffff:a.b.c.d reaches a.b.c.d
        }
        List<Range> ranges = bytes.length == 4 || address instanceof Inet4Address ? IPV4 : IPV6;
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return range.scope();
            }
        }
        return PUBLIC;
    }
}
