package dev.cfoc.firewall;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the firewall check learnt in one run: the AWS resource behind each origin name it could place, CloudFront's
 * prefix lists of each region involved, and the calls that failed.
 *
 * @param resources     origin domain name (lower case) → its load balancer or instance with its security groups
 * @param prefixLists   region → CloudFront's origin-facing lists there
 * @param failures      one line per failed call ({@code ec2:DescribeSecurityGroups in eu-west-1: AccessDenied ...})
 * @param checkerGroups the checker's own security groups, when it runs inside a VPC (for the advice on letting it in)
 */
public record FirewallView(Map<String, OriginResource> resources, Map<String, CloudFrontPrefixLists> prefixLists,
                           List<String> failures, List<String> checkerGroups) {

    public FirewallView {
        resources = Map.copyOf(resources);
        prefixLists = Map.copyOf(prefixLists);
        failures = List.copyOf(failures);
        checkerGroups = List.copyOf(checkerGroups);
    }

    public FirewallView(Map<String, OriginResource> resources, Map<String, CloudFrontPrefixLists> prefixLists,
                        List<String> failures) {
        this(resources, prefixLists, failures, List.of());
    }

    public FirewallView withCheckerGroups(List<String> groups) {
        return new FirewallView(resources, prefixLists, failures, groups);
    }

    public static FirewallView empty() {
        return new FirewallView(Map.of(), Map.of(), List.of());
    }

    public Optional<OriginResource> resource(String originDomainName) {
        return Optional.ofNullable(resources.get(AwsHostNames.normalise(originDomainName)));
    }

    public CloudFrontPrefixLists prefixLists(String region) {
        return prefixLists.getOrDefault(region, new CloudFrontPrefixLists(Map.of()));
    }
}
