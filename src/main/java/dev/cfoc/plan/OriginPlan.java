package dev.cfoc.plan;

import dev.cfoc.finding.Problem;

import java.util.List;

/**
 * What the planner decided for one origin: the connections to probe, and what it found from configuration
 * alone (POLICY_UNRESOLVED, ORIGIN_NOT_PROBED, HOST_MAY_BE_REWRITTEN).
 *
 * @param probed false when the origin cannot be probed (VPC, mTLS, SSLv3-only); a problem says why
 */
public record OriginPlan(String originId, String domainName, List<ProbeTarget> targets, List<Problem> problems,
                         boolean probed) {

    public OriginPlan {
        targets = List.copyOf(targets);
        problems = List.copyOf(problems);
    }
}
