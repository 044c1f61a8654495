package dev.cfoc.plan;

import dev.cfoc.finding.Problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the planner decided for one origin: the connections to probe, and what it found from configuration
 * alone (POLICY_UNRESOLVED, ORIGIN_NOT_PROBED, HOST_MAY_BE_REWRITTEN).
 *
 * @param probed   false when the origin cannot be probed (VPC, mTLS, SSLv3-only); a problem says why
 * @param evidence ordered facts about the plan that are not problems: origin group membership, versions not
 *                 tested (SSLv3), names substituted for unknown viewer hosts
 * @param paths    the path patterns of the cache behaviors that reach this origin (directly or through a group), in
 *                 config order, whether or not it is probed
 * @param failover what happens to the requests this origin fails, when it is reached only as an origin group's
 *                 primary member
 */
public record OriginPlan(String originId, String domainName, List<ProbeTarget> targets, List<Problem> problems,
                         boolean probed, Map<String, String> evidence, List<String> paths, Optional<Failover> failover) {

    public OriginPlan {
        targets = List.copyOf(targets);
        problems = List.copyOf(problems);
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        paths = List.copyOf(paths);
    }

    /** The same plan for an origin reached only as an origin group's primary. */
    public OriginPlan withFailover(Failover failover) {
        return new OriginPlan(originId, domainName, targets, problems, probed, evidence, paths, Optional.of(failover));
    }
}
