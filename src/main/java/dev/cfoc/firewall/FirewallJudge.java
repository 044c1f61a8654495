package dev.cfoc.firewall;

import dev.cfoc.plan.AddressFamily;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges an origin's security groups against CloudFront's origin-facing addresses, for one TCP port and one address
 * family. Pure. Security groups only allow (their rules are a union; there is no deny), so CloudFront gets through
 * when one rule of one group admits it.
 */
public final class FirewallJudge {

    /**
     * Special-use ranges (RFC 1918, RFC 6598 shared, loopback, link-local, IPv6 unique-local and link-local) that can
     * never hold a CloudFront origin-facing server, so rules for them cannot be what admits CloudFront.
     */
    static final List<Cidr> PRIVATE_USE = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16"), Cidr.parse("100.64.0.0/10"), Cidr.parse("127.0.0.0/8"),
            Cidr.parse("169.254.0.0/16"), Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"), Cidr.parse("::1/128"));

    private FirewallJudge() {
    }

    /**
     * Decision ("a CIDR covering CloudFront's ranges", where AWS only documents the prefix list): CloudFront is admitted
     * by (1) a rule whose source is CloudFront's origin-facing prefix list of the family, (2) {@code 0.0.0.0/0} or
     * {@code ::/0}, or (3) CIDR rules whose union holds every entry of that prefix list as read in this run. Without
     * the list's entries, rules for specific public ranges cannot be compared: the answer is {@link
     * Admission.Undecided}, never Blocked. Sources that can never be CloudFront (private-use ranges, other security
     * groups, the other family's list) do not admit it. A prefix list that is not CloudFront's is of unknown content:
     * Undecided unless another rule admits CloudFront.
     */
    public static Admission judge(List<SecurityGroup> groups, CloudFrontPrefixLists lists, int port,
                                  AddressFamily family) {
        Optional<PrefixList> cloudFront = lists.forFamily(family);
        List<Cidr> publicRanges = new ArrayList<>();
        Set<String> unknownLists = new LinkedHashSet<>();
        for (SecurityGroup group : groups) {
            for (Permission rule : group.inbound()) {
                if (!rule.admitsTcp(port)) {
                    continue;
                }
                for (String listId : rule.prefixListIds()) {
                    if (cloudFront.isPresent() && cloudFront.get().id().equals(listId)) {
                        return new Admission.Admitted(group.label() + " admits " + rule.ports() + " from " + listId
                                + " (" + cloudFront.get().name() + ")");
                    }
                    if (!lists.isCloudFront(listId)) {
                        unknownLists.add(listId);
                    }
                }
                for (Cidr cidr : rule.cidrs()) {
                    if (cidr.family() != family) {
                        continue;
                    }
                    if (cidr.isEverywhere()) {
                        return new Admission.Admitted(group.label() + " admits " + rule.ports() + " from " + cidr
                                + " (every address)");
                    }
                    if (!isPrivateUse(cidr)) {
                        publicRanges.add(cidr);
                    }
                }
            }
        }
        Optional<List<Cidr>> entries = cloudFront.flatMap(PrefixList::entries);
        if (!publicRanges.isEmpty() && entries.isPresent() && !entries.get().isEmpty()
                && Cidr.unionCovers(publicRanges, entries.get())) {
            return new Admission.Admitted("the " + family.label() + " ranges admitted on tcp port " + port + " ("
                    + String.join(", ", publicRanges.stream().map(Cidr::text).toList()) + ") cover all "
                    + entries.get().size() + " entries of " + CloudFrontPrefixLists.name(family));
        }
        if (!unknownLists.isEmpty()) {
            return new Admission.Undecided("tcp port " + port + " is admitted from prefix list(s) "
                    + String.join(", ", unknownLists) + ", whose entries were not read: they may hold CloudFront's "
                    + "ranges");
        }
        if (!publicRanges.isEmpty() && entries.isEmpty()) {
            return new Admission.Undecided("tcp port " + port + " is admitted from specific public " + family.label()
                    + " ranges, and the entries of " + CloudFrontPrefixLists.name(family) + " could not be read to "
                    + "compare them");
        }
        return new Admission.Blocked(admitted(groups, port, family, entries));
    }

    /** Whether a rule admits every address of {@code family} on {@code port}: then the checker is admitted too. */
    public static boolean admitsEveryone(List<SecurityGroup> groups, int port, AddressFamily family) {
        return groups.stream().flatMap(g -> g.inbound().stream())
                .filter(rule -> rule.admitsTcp(port))
                .flatMap(rule -> rule.cidrs().stream())
                .anyMatch(cidr -> cidr.family() == family && cidr.isEverywhere());
    }

    static boolean isPrivateUse(Cidr cidr) {
        return PRIVATE_USE.stream().anyMatch(range -> range.covers(cidr));
    }

    /** What the groups admit on the port instead of CloudFront, or what they admit at all when nothing is there. */
    private static String admitted(List<SecurityGroup> groups, int port, AddressFamily family,
                                   Optional<List<Cidr>> entries) {
        List<String> onPort = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (SecurityGroup group : groups) {
            for (Permission rule : group.inbound()) {
                String sources = String.join(", ", rule.sources());
                String line = group.label() + ": " + rule.ports() + " from " + (sources.isEmpty() ? "nothing" : sources);
                (rule.admitsTcp(port) ? onPort : elsewhere).add(line);
            }
        }
        if (!onPort.isEmpty()) {
            String partial = entries.map(e -> partialCoverage(groups, port, family, e)).orElse("");
            return "tcp port " + port + " is admitted only from " + String.join("; ", onPort) + partial;
        }
        if (elsewhere.isEmpty()) {
            return "no inbound rule at all";
        }
        return "no rule for tcp port " + port + "; the groups admit " + String.join("; ", elsewhere);
    }

    private static String partialCoverage(List<SecurityGroup> groups, int port, AddressFamily family,
                                          List<Cidr> entries) {
        List<Cidr> ranges = groups.stream().flatMap(g -> g.inbound().stream()).filter(r -> r.admitsTcp(port))
                .flatMap(r -> r.cidrs().stream()).filter(c -> c.family() == family).toList();
        long covered = entries.stream().filter(e -> Cidr.unionCovers(ranges, List.of(e))).count();
        return covered == 0 ? "" : " (" + covered + " of the " + entries.size() + " " + family.label()
                + " ranges of CloudFront's origin-facing servers: requests from the others fail)";
    }
}
