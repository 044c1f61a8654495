package dev.cfoc.firewall;

import java.util.List;
import java.util.Locale;

/**
 * One inbound rule of a security group (an IpPermission of DescribeSecurityGroups): a protocol, a port range and its
 * sources.
 *
 * @param protocol       {@code tcp}, {@code udp}, {@code icmp}, a protocol number, or {@code -1} (all traffic)
 * @param fromPort       first port (-1 with protocol -1)
 * @param toPort         last port
 * @param cidrs          IPv4 and IPv6 ranges (IpRanges, Ipv6Ranges)
 * @param prefixListIds  prefix lists (PrefixListIds)
 * @param groupIds       security groups whose members are admitted (UserIdGroupPairs)
 */
public record Permission(String protocol, int fromPort, int toPort, List<Cidr> cidrs, List<String> prefixListIds,
                         List<String> groupIds) {

    private static final String ALL_PROTOCOLS = "-1";
    private static final String TCP = "tcp";
    private static final String TCP_NUMBER = "6";

    public Permission {
        cidrs = List.copyOf(cidrs);
        prefixListIds = List.copyOf(prefixListIds);
        groupIds = List.copyOf(groupIds);
    }

    /** Whether this rule applies to a TCP connection to {@code port}. */
    public boolean admitsTcp(int port) {
        String p = protocol.toLowerCase(Locale.ROOT);
        if (ALL_PROTOCOLS.equals(p)) {
            return true;
        }
        return (TCP.equals(p) || TCP_NUMBER.equals(p)) && fromPort <= port && port <= toPort;
    }

    /** {@code tcp 443}, {@code tcp 8000-8100} or {@code all traffic}, for messages. */
    public String ports() {
        if (ALL_PROTOCOLS.equals(protocol)) {
            return "all traffic";
        }
        return protocol + " " + (fromPort == toPort ? String.valueOf(fromPort) : fromPort + "-" + toPort);
    }

    /** Every source of the rule as AWS names it: CIDRs, prefix list ids, group ids. */
    public List<String> sources() {
        var all = new java.util.ArrayList<String>();
        cidrs.forEach(c -> all.add(c.text()));
        all.addAll(prefixListIds);
        all.addAll(groupIds);
        return all;
    }
}
