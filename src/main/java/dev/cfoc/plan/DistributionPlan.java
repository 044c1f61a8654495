package dev.cfoc.plan;

import dev.cfoc.config.Distribution;

import java.util.List;

/** The planner's output for one distribution: one plan per origin reachable from a cache behavior. */
public record DistributionPlan(Distribution distribution, List<OriginPlan> origins) {

    public DistributionPlan {
        origins = List.copyOf(origins);
    }
}
