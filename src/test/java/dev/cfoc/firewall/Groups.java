package dev.cfoc.firewall;

import dev.cfoc.plan.AddressFamily;
import java.util.List;
import java.util.Optional;

/** Security groups and CloudFront's prefix lists as the tests write them. */
final class Groups {

    static final String CF_IPV4 = "pl-3b927c52";
    static final String CF_IPV6 = "pl-5da64334";
    /** Two entries of the real list, enough to test covering. */
    static final List<Cidr> CF_IPV4_ENTRIES = List.of(Cidr.parse("130.176.0.0/18"), Cidr.parse("15.158.0.0/16"));
    static final List<Cidr> CF_IPV6_ENTRIES = List.of(Cidr.parse("2600:9000:a000::/40"));

    private Groups() {
    }

    static CloudFrontPrefixLists lists() {
        return CloudFrontPrefixLists.of(List.of(
                new PrefixList(CF_IPV4, CloudFrontPrefixLists.IPV4_NAME, AddressFamily.IPV4, Optional.of(CF_IPV4_ENTRIES)),
                new PrefixList(CF_IPV6, CloudFrontPrefixLists.IPV6_NAME, AddressFamily.IPV6, Optional.of(CF_IPV6_ENTRIES))));
    }

    static CloudFrontPrefixLists listsWithoutEntries() {
        return CloudFrontPrefixLists.of(List.of(
                new PrefixList(CF_IPV4, CloudFrontPrefixLists.IPV4_NAME, AddressFamily.IPV4, Optional.empty()),
                new PrefixList(CF_IPV6, CloudFrontPrefixLists.IPV6_NAME, AddressFamily.IPV6, Optional.empty())));
    }

    static SecurityGroup group(String id, Permission... rules) {
        return new SecurityGroup(id, "web", List.of(rules));
    }

    static Permission tcp(int from, int to, String... sources) {
        return rule("tcp", from, to, sources);
    }

    static Permission allTraffic(String... sources) {
        return rule("-1", -1, -1, sources);
    }

    static Permission rule(String protocol, int from, int to, String... sources) {
        List<Cidr> cidrs = java.util.Arrays.stream(sources).filter(s -> !s.startsWith("pl-") && !s.startsWith("sg-"))
                .map(Cidr::parse).toList();
        List<String> lists = java.util.Arrays.stream(sources).filter(s -> s.startsWith("pl-")).toList();
        List<String> groups = java.util.Arrays.stream(sources).filter(s -> s.startsWith("sg-")).toList();
        return new Permission(protocol, from, to, cidrs, lists, groups);
    }
}
