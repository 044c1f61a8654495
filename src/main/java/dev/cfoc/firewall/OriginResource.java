package dev.cfoc.firewall;

import java.util.List;

/**
 * The AWS resource an origin's domain name leads to, in the account the checker reads: a load balancer or an EC2
 * instance, its region and its security groups.
 *
 * @param kind        {@code application load balancer}, {@code network load balancer}, {@code EC2 instance}
 * @param id          the load balancer's ARN or the instance id
 * @param name        the load balancer's name or the instance id
 * @param foundBy     how the origin name led here (e.g. {@code CNAME api.example.com -> my-alb-1.eu-west-1.elb…})
 * @param groups      its security groups, as read
 */
public record OriginResource(String kind, String id, String name, String region, String foundBy,
                             List<SecurityGroup> groups) {

    public OriginResource {
        groups = List.copyOf(groups);
    }

    /** {@code sg-0a1 (web), sg-0b2}: its groups' labels, as messages and evidence name them. */
    public String groupLabels() {
        return String.join(", ", groups.stream().map(SecurityGroup::label).toList());
    }

    /** {@code application load balancer my-alb (eu-west-1)}. */
    public String label() {
        return kind + " " + name + " (" + region + ")";
    }
}
