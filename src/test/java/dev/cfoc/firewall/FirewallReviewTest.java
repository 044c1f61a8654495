package dev.cfoc.firewall;

import dev.cfoc.config.CustomOriginConfig;
import dev.cfoc.config.IpAddressType;
import dev.cfoc.config.Origin;
import dev.cfoc.config.OriginProtocolPolicy;
import dev.cfoc.config.OriginType;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.plan.AddressFamily;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.plan.Scheme;
import dev.cfoc.plan.TlsVersion;
import dev.cfoc.probe.ProbeResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static dev.cfoc.firewall.Groups.CF_IPV4;
import static dev.cfoc.firewall.Groups.CF_IPV6;
import static dev.cfoc.firewall.Groups.group;
import static dev.cfoc.firewall.Groups.tcp;
import static org.assertj.core.api.Assertions.assertThat;

/** What the firewall changes in an origin's findings, per connection: no sockets, the view given. */
class FirewallReviewTest {

    private static final String NAME = "api.example.com";
    private static final Problem TIMEOUT = new Problem(FindingCode.CONNECT_TIMEOUT, NAME + ":443 did not accept",
            Map.of("attempt1", "198.51.100.7:443 timed out"));

    @Test
    void cloudFrontAdmitted_checkerTimedOut_isNotCheckedInsteadOfAnError() {
        var review = review(IpAddressType.IPV4, List.of(probe(443, TIMEOUT)), tcp(443, 443, CF_IPV4));

        assertThat(codes(review)).containsExactly(FindingCode.CHECKER_BLOCKED_BY_FIREWALL);
        Problem replaced = review.problems().getFirst().getFirst();
        assertThat(replaced.message()).startsWith("the origin admits only CloudFront")
                .contains("The TLS checks could not run from here");
        assertThat(replaced.evidence()).containsEntry("attempt1", "198.51.100.7:443 timed out")
                .containsKey("letTheCheckerIn");
        assertThat(review.notes()).containsKey("firewall tcp 443 IPv4");
    }

    @Test
    void cloudFrontAdmitted_andEveryoneToo_aTimeoutStays_forItIsNotTheFirewall() {
        var review = review(IpAddressType.IPV4, List.of(probe(443, TIMEOUT)), tcp(443, 443, CF_IPV4, "0.0.0.0/0"));

        assertThat(codes(review)).containsExactly(FindingCode.CONNECT_TIMEOUT);
    }

    @Test
    void aRefusedConnection_camePastTheFirewall_andStays() {
        Problem refused = Problem.of(FindingCode.PORT_UNREACHABLE, "refused");
        var review = review(IpAddressType.IPV4, List.of(probe(443, refused)), tcp(443, 443, CF_IPV4));

        assertThat(codes(review)).containsExactly(FindingCode.PORT_UNREACHABLE);
    }

    @Test
    void cloudFrontNotAdmitted_isAnError_evenWhenTheProbeGotThrough_whoseResultsStand() {
        Problem certificate = Problem.of(FindingCode.CERT_EXPIRED, "expired");
        var review = review(IpAddressType.IPV4, List.of(probe(443, certificate)), tcp(443, 443, "203.0.113.7/32"));

        assertThat(codes(review)).containsExactly(FindingCode.CERT_EXPIRED,
                FindingCode.ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT);
        Problem blocked = review.problems().getFirst().get(1);
        assertThat(blocked.message()).contains("viewers get 504").contains("203.0.113.7/32");
        assertThat(blocked.evidence()).containsEntry("port", "tcp 443").containsEntry("addressFamily", "IPv4")
                .containsEntry("fix", "aws ec2 authorize-security-group-ingress --region eu-west-1 --group-id sg-1 "
                        + "--ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,PrefixListIds=[{PrefixListId="
                        + CF_IPV4 + ",Description=CloudFront}]' # the list counts as 55 rules against the group's quota")
                .containsKey("checkerProbe");
        assertThat(FirewallFindings.reproduce(blocked)).hasValue("aws ec2 describe-security-groups --region eu-west-1 "
                + "--group-ids sg-1 --query 'SecurityGroups[].[GroupId,IpPermissions]'");
    }

    @Test
    void theReproduceCommand_namesTheGroupIds_whateverTheGroupsAreNamed() {
        // security group names may hold spaces, commas and parentheses
        var groups = List.of(new SecurityGroup("sg-0a1b2c3d", "web, admin (old)", List.of(tcp(22, 22, "203.0.113.7/32"))),
                new SecurityGroup("sg-0e5f6a7b", "", List.of()));
        var resource = new OriginResource("EC2 instance", "i-0123", "i-0123", "eu-west-1", "PTR", groups);
        var view = new FirewallView(Map.of(NAME, resource), Map.of("eu-west-1", Groups.lists()), List.of());

        Problem blocked = FirewallReview.review(origin(IpAddressType.IPV4), List.of(probe(443)), view).problems()
                .getFirst().getFirst();

        assertThat(blocked.evidence()).containsEntry("securityGroups", "sg-0a1b2c3d (web, admin (old)), sg-0e5f6a7b");
        assertThat(FirewallFindings.reproduce(blocked)).hasValue("aws ec2 describe-security-groups --region eu-west-1 "
                + "--group-ids sg-0a1b2c3d sg-0e5f6a7b --query 'SecurityGroups[].[GroupId,IpPermissions]'");
    }

    @Test
    void cloudFrontNotAdmitted_andTheProbeTimedOut_bothAreReported() {
        var review = review(IpAddressType.IPV4, List.of(probe(443, TIMEOUT)), tcp(80, 80, CF_IPV4));

        assertThat(codes(review)).containsExactly(FindingCode.CONNECT_TIMEOUT,
                FindingCode.ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT);
    }

    @Test
    void eachPort_isJudgedOnItsOwn_onceForSeveralNamesOnOnePort() {
        var review = review(IpAddressType.IPV4, List.of(probe(443), probe(443), probe(80)), tcp(443, 443, CF_IPV4));

        assertThat(review.problems().get(0)).isEmpty();
        assertThat(review.problems().get(1)).isEmpty();
        assertThat(review.problems().get(2)).extracting(Problem::code)
                .containsExactly(FindingCode.ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT);
    }

    @Test
    void dualstack_needsBothFamiliesAdmitted() {
        // dualstack: one connection per family (the planner's), each judged on its own family
        List<ProbeResult> dualstack = List.of(probe(443, AddressFamily.IPV4), probe(443, AddressFamily.IPV6));
        var ipv4Only = review(IpAddressType.DUALSTACK, dualstack, tcp(443, 443, CF_IPV4));
        var both = review(IpAddressType.DUALSTACK, dualstack, tcp(443, 443, CF_IPV4, CF_IPV6));
        var ipv6Origin = review(IpAddressType.IPV6, List.of(probe(443, AddressFamily.IPV6)), tcp(443, 443, CF_IPV4));

        assertThat(ipv4Only.problems().get(0)).isEmpty();
        assertThat(ipv4Only.problems().get(1)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FindingCode.ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT);
            assertThat(p.evidence()).containsEntry("addressFamily", "IPv6");
        });
        assertThat(both.problems()).allSatisfy(problems -> assertThat(problems).isEmpty());
        assertThat(ipv6Origin.problems().getFirst()).extracting(Problem::code)
                .containsExactly(FindingCode.ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT);
    }

    @Test
    void undecided_changesNothing_andSaysSo() {
        var review = review(IpAddressType.IPV4, List.of(probe(443, TIMEOUT)), tcp(443, 443, "pl-0customer"));

        assertThat(codes(review)).containsExactly(FindingCode.CONNECT_TIMEOUT);
        assertThat(review.notes().get("firewall tcp 443 IPv4")).startsWith("not decided");
    }

    @Test
    void anOriginNotFoundInTheAccount_isNotFirewallChecked() {
        var review = FirewallReview.review(origin(IpAddressType.IPV4), List.of(probe(443, TIMEOUT)),
                FirewallView.empty());

        assertThat(codes(review)).containsExactly(FindingCode.CONNECT_TIMEOUT);
        assertThat(review.notes()).isEmpty();
    }

    @Test
    void aVpcOriginThatTimesOutFromInsideTheVpc_isNotChecked() {
        var vpc = new Origin("app", "internal-app-1.us-east-1.elb.amazonaws.com", "", List.of(),
                new OriginType.Vpc("vo_123"), 3, 10, Optional.empty(), false);

        var review = FirewallReview.review(vpc, List.of(probe(443, TIMEOUT)), FirewallView.empty());

        assertThat(codes(review)).containsExactly(FindingCode.CHECKER_BLOCKED_BY_FIREWALL);
        assertThat(review.problems().getFirst().getFirst().evidence()).containsEntry("vpcOriginId", "vo_123");
    }

    private static FirewallReview.Reviewed review(IpAddressType type, List<ProbeResult> probes, Permission rule) {
        var resource = new OriginResource("application load balancer", "arn:aws:elasticloadbalancing:eu-west-1:"
                + "123456789012:loadbalancer/app/web/50dc6c495c0c9188", "web", "eu-west-1", "CNAME", List.of(
                group("sg-1", rule)));
        var view = new FirewallView(Map.of(NAME, resource), Map.of("eu-west-1", Groups.lists()), List.of());
        return FirewallReview.review(origin(type), probes, view);
    }

    private static Origin origin(IpAddressType type) {
        var config = new CustomOriginConfig(80, 443, OriginProtocolPolicy.MATCH_VIEWER, List.of("TLSv1.2"), 30, 5,
                type);
        return new Origin("api", NAME, "", List.of(), new OriginType.Custom(config), 3, 10, Optional.empty(), false);
    }

    private static ProbeResult probe(int port, Problem... problems) {
        return probe(port, AddressFamily.IPV4, problems);
    }

    /** A connection of one family, as the planner makes one per family of a dualstack origin. */
    private static ProbeResult probe(int port, AddressFamily family, Problem... problems) {
        var target = new ProbeTarget("api", port == 80 ? Scheme.HTTP : Scheme.HTTPS, NAME, port,
                port == 80 ? Optional.empty() : Optional.of(NAME), NAME, Set.of(NAME),
                port == 80 ? List.of() : List.of(TlsVersion.TLSV1_2), Duration.ofSeconds(10), 3,
                Duration.ofSeconds(30), "/", List.of(), List.of("*"), family, family == AddressFamily.IPV4,
                Optional.empty());
        return new ProbeResult(target, Optional.of(family == AddressFamily.IPV4 ? "198.51.100.7" : "2001:db8::7"),
                Optional.empty(), Optional.empty(), List.of(), OptionalInt.empty(), Map.of(), List.of(problems));
    }

    private static List<FindingCode> codes(FirewallReview.Reviewed review) {
        return review.problems().stream().flatMap(List::stream).map(Problem::code).toList();
    }
}
