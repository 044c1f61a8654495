package dev.cfoc.firewall;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.plan.AddressFamily;
import dev.cfoc.plan.ProbeTarget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The words of the firewall findings, and of the commands that show and fix them. No I/O. */
public final class FirewallFindings {

    static final String EVIDENCE_REGION = "region";
    static final String EVIDENCE_GROUPS = "securityGroups";
    /**
     * A group id in {@link #EVIDENCE_GROUPS} ({@link OriginResource#groupLabels()}, e.g. {@code sg-0a1 (web, admin),
     * sg-0b2}): where a label starts, before its name; a group's name may hold commas, blanks and parentheses, its id
     * none.
     */
    private static final Pattern GROUP_ID = Pattern.compile("(?:^|, )(sg-[0-9A-Za-z]+)(?=$|, | \\()");

    private FirewallFindings() {
    }

    /** ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT for one port and family. @param probeConnected whether the checker got in */
    static Problem blocksCloudFront(ProbeTarget target, OriginResource resource, CloudFrontPrefixLists lists,
                                    AddressFamily family, Admission.Blocked blocked, boolean probeConnected) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("resource", resource.label());
        evidence.put("foundBy", resource.foundBy());
        evidence.put(EVIDENCE_REGION, resource.region());
        evidence.put(EVIDENCE_GROUPS, resource.groupLabels());
        evidence.put("port", "tcp " + target.port());
        evidence.put("addressFamily", family.label());
        evidence.put("admits", blocked.admitsInstead());
        evidence.put("cloudFrontPrefixList", lists.forFamily(family).map(l -> l.id() + " (" + l.name() + ")")
                .orElse(CloudFrontPrefixLists.name(family) + " (its id in " + resource.region() + " could not be read)"));
        evidence.put("fix", authorizeCommand(resource, lists, family, target.port()));
        if (probeConnected) {
            evidence.put("checkerProbe", "connected: the groups admit the checker's own address, not CloudFront's "
                    + "origin-facing servers; the TLS and HTTP results of this connection are the checker's");
        }
        String message = "CloudFront cannot connect to " + target.host() + ":" + target.port() + " over "
                + family.label() + ": the security groups of " + resource.label() + " do not admit CloudFront's "
                + "origin-facing servers (" + blocked.admitsInstead() + "). CloudFront's connection attempts time "
                + "out and viewers get 504.";
        return new Problem(FindingCode.ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT, message, evidence);
    }

    /** CHECKER_BLOCKED_BY_FIREWALL in place of the checker's own CONNECT_TIMEOUT. */
    static Problem checkerBlocked(ProbeTarget target, OriginResource resource, String admittedBy, Problem timeout,
                                  List<String> checkerGroups) {
        Map<String, String> evidence = new LinkedHashMap<>(timeout.evidence());
        evidence.put("resource", resource.label());
        evidence.put(EVIDENCE_GROUPS, resource.groupLabels());
        evidence.put("cloudFrontAdmittedBy", admittedBy);
        String checker = checkerGroups.isEmpty() ? "its security group"
                : "its security group " + String.join(" or ", checkerGroups);
        evidence.put("letTheCheckerIn", "run the checker in the origin's VPC with " + checker + " referenced by "
                + resource.groups().getFirst().id() + " on tcp " + target.port() + ", or behind a NAT gateway whose "
                + "Elastic IP that group admits (docs/deploy.md)");
        String message = "the origin admits only CloudFront: " + target.host() + ":" + target.port() + " did not "
                + "accept the checker's TCP connection, and the security groups of " + resource.label() + " admit "
                + "CloudFront there (" + admittedBy + "). The TLS checks could not run from here; if the origin were "
                + "down, CloudFront would time out too, which the checker cannot tell from outside.";
        return new Problem(FindingCode.CHECKER_BLOCKED_BY_FIREWALL, message, evidence);
    }

    /** CHECKER_BLOCKED_BY_FIREWALL for a VPC origin the checker could not reach from inside the VPC. */
    static Problem checkerBlockedInVpc(ProbeTarget target, String vpcOriginId, Problem timeout) {
        Map<String, String> evidence = new LinkedHashMap<>(timeout.evidence());
        evidence.put("vpcOriginId", vpcOriginId);
        evidence.put("letTheCheckerIn", "add an inbound rule for tcp " + target.port() + " whose source is the "
                + "checker's security group (template parameter VpcSecurityGroupIds) to the VPC origin's group");
        String message = "the VPC origin " + vpcOriginId + " (" + target.host() + ":" + target.port() + ") did not "
                + "accept the checker's TCP connection from inside the VPC: its security group likely admits only "
                + "CloudFront's VPC origin service. The TLS checks could not run.";
        return new Problem(FindingCode.CHECKER_BLOCKED_BY_FIREWALL, message, evidence);
    }

    /** FIREWALL_UNREADABLE, once per run, listing every call that failed. */
    public static Problem unreadable(List<String> failures) {
        Map<String, String> evidence = new LinkedHashMap<>();
        for (int i = 0; i < failures.size(); i++) {
            evidence.put("failure" + (i + 1), failures.get(i));
        }
        return new Problem(FindingCode.FIREWALL_UNREADABLE, failures.size() + " call(s) reading the origins' AWS "
                + "resources failed, so their firewalls were not (all) checked; the probes ran as usual. First: "
                + failures.getFirst(), evidence);
    }

    /**
     * The command that adds CloudFront's prefix list to the first group. Decision: one group is enough (groups only
     * allow, so a rule in any attached group admits CloudFront); the first one listed is named.
     */
    static String authorizeCommand(OriginResource resource, CloudFrontPrefixLists lists, AddressFamily family,
                                   int port) {
        String listId = lists.forFamily(family).map(PrefixList::id).orElse("$(aws ec2 describe-managed-prefix-lists"
                + " --region " + resource.region() + " --filters Name=prefix-list-name,Values="
                + CloudFrontPrefixLists.name(family) + " --query 'PrefixLists[0].PrefixListId' --output text)");
        return "aws ec2 authorize-security-group-ingress --region " + resource.region() + " --group-id "
                + resource.groups().getFirst().id() + " --ip-permissions 'IpProtocol=tcp,FromPort=" + port
                + ",ToPort=" + port + ",PrefixListIds=[{PrefixListId=" + listId + ",Description=CloudFront}]'"
                + " # the list counts as " + PREFIX_LIST_WEIGHT + " rules against the group's quota";
    }

    /** AWS's weight of CloudFront's prefix lists in a security group's rule quota. */
    static final int PREFIX_LIST_WEIGHT = 55;

    /** What shows the groups by hand, for ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT. */
    public static Optional<String> reproduce(Problem problem) {
        String region = problem.evidence().get(EVIDENCE_REGION);
        String groups = problem.evidence().get(EVIDENCE_GROUPS);
        if (region == null || groups == null) {
            return Optional.empty();
        }
        List<String> ids = GROUP_ID.matcher(groups).results().map(m -> m.group(1)).toList();
        return Optional.of("aws ec2 describe-security-groups --region " + region + " --group-ids "
                + String.join(" ", ids) + " --query 'SecurityGroups[].[GroupId,IpPermissions]'");
    }
}
