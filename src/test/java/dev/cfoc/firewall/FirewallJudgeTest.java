package dev.cfoc.firewall;

import dev.cfoc.plan.AddressFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.cfoc.plan.AddressFamily.IPV4;
import static dev.cfoc.plan.AddressFamily.IPV6;
import static dev.cfoc.firewall.Groups.CF_IPV4;
import static dev.cfoc.firewall.Groups.CF_IPV6;
import static dev.cfoc.firewall.Groups.allTraffic;
import static dev.cfoc.firewall.Groups.group;
import static dev.cfoc.firewall.Groups.rule;
import static dev.cfoc.firewall.Groups.tcp;
import static org.assertj.core.api.Assertions.assertThat;

/** Every port / address family / rule combination the judge knows, without any I/O. */
class FirewallJudgeTest {

    enum Expect { ADMITTED, BLOCKED, UNDECIDED }

    static Stream<Arguments> combinations() {
        return Stream.of(
                // the prefix list of the family, on the port, a range or all traffic
                Arguments.of("IPv4 list on 443", tcp(443, 443, CF_IPV4), 443, IPV4, Expect.ADMITTED),
                Arguments.of("IPv4 list on a range", tcp(400, 500, CF_IPV4), 443, IPV4, Expect.ADMITTED),
                Arguments.of("IPv4 list, all traffic", allTraffic(CF_IPV4), 8443, IPV4, Expect.ADMITTED),
                Arguments.of("IPv4 list, protocol number 6", rule("6", 443, 443, CF_IPV4), 443, IPV4, Expect.ADMITTED),
                Arguments.of("IPv4 list on another port", tcp(80, 80, CF_IPV4), 443, IPV4, Expect.BLOCKED),
                Arguments.of("IPv4 list over udp", rule("udp", 443, 443, CF_IPV4), 443, IPV4, Expect.BLOCKED),
                Arguments.of("IPv6 list on 443", tcp(443, 443, CF_IPV6), 443, IPV6, Expect.ADMITTED),
                Arguments.of("IPv4 list only, IPv6 connection", tcp(443, 443, CF_IPV4), 443, IPV6, Expect.BLOCKED),
                Arguments.of("IPv6 list only, IPv4 connection", tcp(443, 443, CF_IPV6), 443, IPV4, Expect.BLOCKED),
                // everywhere
                Arguments.of("0.0.0.0/0", tcp(443, 443, "0.0.0.0/0"), 443, IPV4, Expect.ADMITTED),
                Arguments.of("0.0.0.0/0, IPv6 connection", tcp(443, 443, "0.0.0.0/0"), 443, IPV6, Expect.BLOCKED),
                Arguments.of("::/0", tcp(443, 443, "::/0"), 443, IPV6, Expect.ADMITTED),
                Arguments.of("::/0 on port 80 only", tcp(80, 80, "::/0"), 443, IPV6, Expect.BLOCKED),
                // CIDRs compared with the list's entries
                Arguments.of("CIDRs covering every entry", tcp(443, 443, "130.176.0.0/16", "15.158.0.0/15"), 443, IPV4,
                        Expect.ADMITTED),
                Arguments.of("adjacent CIDRs covering an entry together",
                        tcp(443, 443, "130.176.0.0/19", "130.176.32.0/19", "15.158.0.0/16"), 443, IPV4, Expect.ADMITTED),
                Arguments.of("CIDRs covering one entry of two", tcp(443, 443, "130.176.0.0/16"), 443, IPV4,
                        Expect.BLOCKED),
                Arguments.of("an office address", tcp(443, 443, "203.0.113.7/32"), 443, IPV4, Expect.BLOCKED),
                Arguments.of("IPv6 CIDR covering the entry", tcp(443, 443, "2600:9000::/28"), 443, IPV6,
                        Expect.ADMITTED),
                // sources that can never be CloudFront
                Arguments.of("private ranges", tcp(443, 443, "10.0.0.0/8", "172.16.0.0/12"), 443, IPV4, Expect.BLOCKED),
                Arguments.of("another security group", tcp(443, 443, "sg-0aaa"), 443, IPV4, Expect.BLOCKED),
                Arguments.of("a group on all traffic", allTraffic("sg-0aaa"), 443, IPV4, Expect.BLOCKED),
                // sources of unknown content
                Arguments.of("a customer prefix list", tcp(443, 443, "pl-0customer"), 443, IPV4, Expect.UNDECIDED));
    }

    @ParameterizedTest(name = "{0}: tcp {2} over {3} -> {4}")
    @MethodSource("combinations")
    void judgesEachRuleForThePortAndFamily(String name, Permission rule, int port, AddressFamily family,
                                           Expect expected) {
        Admission admission = FirewallJudge.judge(List.of(group("sg-1", rule)), Groups.lists(), port, family);

        assertThat(kind(admission)).as(admission.toString()).isEqualTo(expected);
    }

    @Test
    void withoutTheListsEntries_specificPublicRangesAreUndecided_neverBlocked() {
        var groups = List.of(group("sg-1", tcp(443, 443, "130.176.0.0/16")));

        assertThat(FirewallJudge.judge(groups, Groups.listsWithoutEntries(), 443, IPV4))
                .isInstanceOf(Admission.Undecided.class);
        // private ranges still cannot be CloudFront
        assertThat(FirewallJudge.judge(List.of(group("sg-1", tcp(443, 443, "10.0.0.0/8"))),
                Groups.listsWithoutEntries(), 443, IPV4)).isInstanceOf(Admission.Blocked.class);
    }

    @Test
    void withoutKnowingThisRegionsListIds_aPrefixListRuleIsUndecided() {
        var groups = List.of(group("sg-1", tcp(443, 443, CF_IPV4)));

        assertThat(FirewallJudge.judge(groups, CloudFrontPrefixLists.of(List.of()), 443, IPV4))
                .isInstanceOf(Admission.Undecided.class);
    }

    @Test
    void rulesOfSeveralGroupsAdd_up() {
        var groups = List.of(group("sg-1", tcp(22, 22, "203.0.113.0/24")), group("sg-2", tcp(443, 443, CF_IPV4)));

        assertThat(FirewallJudge.judge(groups, Groups.lists(), 443, IPV4)).isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void blocked_saysWhatTheGroupsAdmitInstead() {
        var onPort = FirewallJudge.judge(List.of(group("sg-1", tcp(443, 443, "203.0.113.7/32"))), Groups.lists(),
                443, IPV4);
        var elsewhere = FirewallJudge.judge(List.of(group("sg-1", tcp(22, 22, "203.0.113.7/32"))), Groups.lists(),
                443, IPV4);
        var nothing = FirewallJudge.judge(List.of(group("sg-1")), Groups.lists(), 443, IPV4);
        var partial = FirewallJudge.judge(List.of(group("sg-1", tcp(443, 443, "130.176.0.0/16"))), Groups.lists(),
                443, IPV4);

        assertThat(((Admission.Blocked) onPort).admitsInstead())
                .isEqualTo("tcp port 443 is admitted only from sg-1 (web): tcp 443 from 203.0.113.7/32");
        assertThat(((Admission.Blocked) elsewhere).admitsInstead())
                .isEqualTo("no rule for tcp port 443; the groups admit sg-1 (web): tcp 22 from 203.0.113.7/32");
        assertThat(((Admission.Blocked) nothing).admitsInstead()).isEqualTo("no inbound rule at all");
        assertThat(((Admission.Blocked) partial).admitsInstead()).contains("1 of the 2 IPv4 ranges");
    }

    @Test
    void admitsEveryone_onlyForTheFamilysWholeRangeOnThePort() {
        var groups = List.of(group("sg-1", tcp(443, 443, "0.0.0.0/0", CF_IPV6)));

        assertThat(FirewallJudge.admitsEveryone(groups, 443, IPV4)).isTrue();
        assertThat(FirewallJudge.admitsEveryone(groups, 443, IPV6)).isFalse();
        assertThat(FirewallJudge.admitsEveryone(groups, 80, IPV4)).isFalse();
    }

    private static Expect kind(Admission admission) {
        return switch (admission) {
            case Admission.Admitted a -> Expect.ADMITTED;
            case Admission.Blocked b -> Expect.BLOCKED;
            case Admission.Undecided u -> Expect.UNDECIDED;
        };
    }
}
