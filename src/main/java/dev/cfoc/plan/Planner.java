package dev.cfoc.plan;

import dev.cfoc.config.CacheBehavior;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.Origin;
import dev.cfoc.config.OriginGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a distribution config into the connections CloudFront would make to its origins. Pure: no I/O.
 * Every origin reachable from a cache behavior (directly or as any member of an origin group) gets one plan, in
 * config order. Decision: origins no behavior reaches never get traffic from CloudFront and are skipped.
 */
public final class Planner {

    private final TlsProfile profile;
    private final TlsProfile s3Profile;

    public Planner() {
        this(TlsProfile.CLOUDFRONT_ORIGIN, TlsProfile.CLOUDFRONT_S3_ORIGIN);
    }

    public Planner(TlsProfile profile, TlsProfile s3Profile) {
        this.profile = profile;
        this.s3Profile = s3Profile;
    }

    /** As {@link #plan(Distribution, PolicyCatalog, VpcOrigins)} with the checker outside any VPC. */
    public DistributionPlan plan(Distribution distribution, PolicyCatalog policies) {
        return plan(distribution, policies, VpcOrigins.outsideVpc());
    }

    /** @param vpcOrigins the VPC origins' endpoints, when the checker runs inside a VPC */
    public DistributionPlan plan(Distribution distribution, PolicyCatalog policies, VpcOrigins vpcOrigins) {
        var hostForwarding = new HostForwarding(policies);
        var routes = new LinkedHashMap<String, List<Route>>();
        var membership = new LinkedHashMap<String, Map<String, String>>();
        var unresolved = new ArrayList<HostForwarding.UnresolvedPolicy>();
        var failovers = new FailoverRoles();

        for (CacheBehavior behavior : distribution.allBehaviors()) {
            var route = new Route(behavior, hostForwarding.decide(behavior));
            unresolved.addAll(route.host().unresolved());
            String target = behavior.targetOriginId();
            var group = distribution.originGroup(target);
            if (group.isPresent()) {
                addGroupRoutes(group.get(), route, routes, membership);
                failovers.reachedThrough(group.get(), behavior);
            } else {
                routes.computeIfAbsent(target, id -> new ArrayList<>()).add(route);
                failovers.reachedDirectly(target);
            }
        }

        var planner = new OriginPlanner(distribution, profile, s3Profile, vpcOrigins);
        var plans = new ArrayList<OriginPlan>();
        for (Origin origin : distribution.origins()) {
            List<Route> reaching = routes.get(origin.id());
            if (reaching != null) {
                OriginPlan plan = planner.plan(origin, reaching, membership.getOrDefault(origin.id(), Map.of()));
                plans.add(failovers.of(origin.id()).map(plan::withFailover).orElse(plan));
            }
        }
        return new DistributionPlan(distribution, plans, HostForwarding.oncePerPolicy(unresolved));
    }

    private static void addGroupRoutes(OriginGroup group, Route route, Map<String, List<Route>> routes,
                                       Map<String, Map<String, String>> membership) {
        List<String> members = group.memberOriginIds();
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            routes.computeIfAbsent(member, id -> new ArrayList<>()).add(route);
            String role = i == 0 ? "primary" : "failover";
            membership.computeIfAbsent(member, id -> new LinkedHashMap<>()).put("originGroup " + group.id(),
                    role + " member (" + (i + 1) + " of " + members.size() + "); failover on status codes "
                            + group.failoverStatusCodes() + " and on connection failures and timeouts");
        }
    }
}
