package dev.cfoc.plan;

import java.util.List;
import java.util.Set;

/**
 * What CloudFront does with the requests an origin fails, when every behavior reaches it as the primary member of an
 * origin group (docs/cloudfront-rules.md#origin-groups): on a cache miss it tries this origin, and moves to the
 * secondary when it cannot connect, the response times out, or the status is one of the group's failover codes; only
 * GET, HEAD and OPTIONS requests fail over, other methods get this origin's error.
 *
 * @param secondaryOriginIds  the secondary member of each group this origin is primary of
 * @param failoverStatusCodes the status codes that fail over in every one of those groups
 * @param otherMethods        the behaviors whose AllowedMethods let other methods (POST, PUT, PATCH, DELETE) reach
 *                            the group, e.g. "/api/* (DELETE, PATCH, POST, PUT)": those requests do not fail over;
 *                            empty when every request that reaches this origin can fail over
 */
public record Failover(List<String> secondaryOriginIds, Set<Integer> failoverStatusCodes, List<String> otherMethods) {

    /** The methods CloudFront fails over; any other method gets the primary's error. */
    public static final Set<String> FAILOVER_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    public Failover {
        secondaryOriginIds = List.copyOf(secondaryOriginIds);
        failoverStatusCodes = Set.copyOf(failoverStatusCodes);
        otherMethods = List.copyOf(otherMethods);
    }

    /** Whether every request that reaches the primary fails over when it fails. */
    public boolean everyRequestFailsOver() {
        return otherMethods.isEmpty();
    }
}
