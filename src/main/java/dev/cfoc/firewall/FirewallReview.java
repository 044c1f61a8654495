package dev.cfoc.firewall;

import dev.cfoc.config.Origin;
import dev.cfoc.config.OriginType;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.plan.AddressFamily;
import dev.cfoc.probe.ProbeResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Judges the firewall on the connections CloudFront makes to one origin, and corrects what the checker's own probes
 * concluded where the firewall explains it. Per planned connection (its port) and per address family CloudFront uses
 * (the origin's IpAddressType):
 * <ul>
 *   <li>CloudFront admitted: nothing to report about the firewall (a note says which rule admits it);</li>
 *   <li>CloudFront not admitted: ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT (once per port and family);</li>
 *   <li>CloudFront admitted, the firewall does not admit every address, and the checker's probe timed out:
 *       CHECKER_BLOCKED_BY_FIREWALL replaces the CONNECT_TIMEOUT (the connection was not checked);</li>
 *   <li>the probe connected although the firewall admits only CloudFront: its TLS and HTTP results stand.</li>
 * </ul>
 * Pure: the view was read before.
 */
public final class FirewallReview {

    /**
     * @param problems per probe, in the probes' order: its problems after the review
     * @param notes    what the review found, for the origin's notes
     */
    public record Reviewed(List<List<Problem>> problems, Map<String, String> notes) {
        public Reviewed {
            problems = problems.stream().map(List::copyOf).toList();
            notes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notes));
        }
    }

    private FirewallReview() {
    }

    public static Reviewed review(Origin origin, List<ProbeResult> probes, FirewallView view) {
        if (origin.type() instanceof OriginType.Vpc vpc) {
            return new Reviewed(probes.stream().map(p -> replace(p.problems(),
                    t -> FirewallFindings.checkerBlockedInVpc(p.target(), vpc.vpcOriginId(), t))).toList(), Map.of());
        }
        Optional<OriginResource> found = view.resource(origin.domainName());
        if (!(origin.type() instanceof OriginType.Custom) || found.isEmpty()) {
            return new Reviewed(probes.stream().map(ProbeResult::problems).toList(), Map.of());
        }
        OriginResource resource = found.get();
        CloudFrontPrefixLists lists = view.prefixLists(resource.region());
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("firewall", resource.label() + ", found by " + resource.foundBy() + "; security groups "
                + resource.groupLabels());
        Set<String> reported = new HashSet<>();
        List<List<Problem>> reviewed = new ArrayList<>();
        for (ProbeResult probe : probes) {
            int port = probe.target().port();
            List<Problem> problems = new ArrayList<>(probe.problems());
            // a dualstack origin is one connection per family (plan.AddressFamily): each is judged on its own family
            AddressFamily family = probe.target().addressFamily();
            Admission admission = FirewallJudge.judge(resource.groups(), lists, port, family);
            notes.put("firewall tcp " + port + " " + family.label(), describe(admission));
            if (admission instanceof Admission.Blocked blocked && reported.add(port + " " + family)) {
                problems.add(FirewallFindings.blocksCloudFront(probe.target(), resource, lists, family, blocked,
                        connected(probe)));
            }
            if (admission instanceof Admission.Admitted admitted
                    && !FirewallJudge.admitsEveryone(resource.groups(), port, family)) {
                problems = replace(problems, t -> FirewallFindings.checkerBlocked(probe.target(), resource,
                        admitted.rule(), t, view.checkerGroups()));
            }
            reviewed.add(problems);
        }
        return new Reviewed(reviewed, notes);
    }

    private static String describe(Admission admission) {
        return switch (admission) {
            case Admission.Admitted a -> "CloudFront admitted: " + a.rule();
            case Admission.Blocked b -> "CloudFront NOT admitted: " + b.admitsInstead();
            case Admission.Undecided u -> "not decided: " + u.why();
        };
    }

    /** The probe got a TCP connection (so its TLS and HTTP results are the checker's own). */
    private static boolean connected(ProbeResult probe) {
        return probe.address().isPresent() && probe.problems().stream().noneMatch(p ->
                p.code() == FindingCode.CONNECT_TIMEOUT || p.code() == FindingCode.PORT_UNREACHABLE);
    }

    /**
     * Decision: only a timeout is the firewall's doing. A security group drops what it does not admit; it never
     * answers with a reset, so a refused connection (PORT_UNREACHABLE) came through the firewall and is what CloudFront
     * gets too.
     */
    private static List<Problem> replace(List<Problem> problems, UnaryOperator<Problem> with) {
        return problems.stream().map(p -> p.code() == FindingCode.CONNECT_TIMEOUT ? with.apply(p) : p).toList();
    }
}
