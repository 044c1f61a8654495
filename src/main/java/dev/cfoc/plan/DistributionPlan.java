package dev.cfoc.plan;

import dev.cfoc.config.Distribution;
import dev.cfoc.finding.Problem;

import java.util.List;

/**
 * The planner's output for one distribution: one plan per origin reachable from a cache behavior.
 *
 * @param problems what the planner found about the distribution as a whole: POLICY_UNRESOLVED, once per policy
 */
public record DistributionPlan(Distribution distribution, List<OriginPlan> origins, List<Problem> problems) {

    public DistributionPlan {
        origins = List.copyOf(origins);
        problems = List.copyOf(problems);
    }
}
