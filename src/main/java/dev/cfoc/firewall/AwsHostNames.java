package dev.cfoc.firewall;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS resource a DNS name names, read from the name alone: Elastic Load Balancing names carry the load balancer's
 * region, EC2 public DNS names the instance's region. Pure.
 */
public final class AwsHostNames {

    /** A load balancer name, e.g. {@code my-alb-1234567890.eu-west-1.elb.amazonaws.com}. */
    public record LoadBalancerName(String dnsName, String region) {
    }

    /** An EC2 public DNS name, e.g. {@code ec2-203-0-113-25.compute-1.amazonaws.com}. */
    public record InstanceName(String dnsName, String region) {
    }

    private static final String REGION = "(?<region>[a-z]{2}(?:-[a-z]+)+-\\d+)";
    /** ALB and Classic: NAME-ID.REGION.elb.amazonaws.com; NLB: NAME-ID.elb.REGION.amazonaws.com (.cn in China). */
    private static final Pattern LOAD_BALANCER = Pattern.compile(
            "(?:dualstack\\.)?(?<name>[a-z0-9-]+\\.(?:" + REGION + "\\.elb|elb\\.(?<nlbRegion>[a-z]{2}(?:-[a-z]+)+-\\d+))"
                    + "\\.amazonaws\\.com(?:\\.cn)?)");
    /** us-east-1: ec2-A-B-C-D.compute-1.amazonaws.com; elsewhere ec2-A-B-C-D.REGION.compute.amazonaws.com(.cn). */
    private static final Pattern INSTANCE = Pattern.compile(
            "ec2-\\d{1,3}-\\d{1,3}-\\d{1,3}-\\d{1,3}\\.(?:compute-1|" + REGION + "\\.compute)\\.amazonaws\\.com(?:\\.cn)?");
    private static final String US_EAST_1 = "us-east-1";
    /** RFC 6761/6762 special-use names: they never lead to an AWS resource, so nothing is looked up for them. */
    private static final Pattern SPECIAL_USE = Pattern.compile(
            "(?:.*\\.)?(?:localhost|test|invalid|example|local)|[0-9.]+|.*:.*");

    private AwsHostNames() {
    }

    /** The load balancer {@code name} names; its {@code dualstack.} prefix is dropped (DNSName has none). */
    public static Optional<LoadBalancerName> loadBalancer(String name) {
        Matcher m = LOAD_BALANCER.matcher(normalise(name));
        if (!m.matches()) {
            return Optional.empty();
        }
        String region = m.group("region") != null ? m.group("region") : m.group("nlbRegion");
        return Optional.of(new LoadBalancerName(m.group("name"), region));
    }

    public static Optional<InstanceName> instance(String name) {
        String lower = normalise(name);
        Matcher m = INSTANCE.matcher(lower);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new InstanceName(lower, m.group("region") == null ? US_EAST_1 : m.group("region")));
    }

    /** Names that are not worth a DNS query here (IP literals, localhost, .test, .invalid, .example, .local). */
    public static boolean isSpecialUse(String name) {
        return SPECIAL_USE.matcher(normalise(name)).matches();
    }

    /** A DNS name as compared here: lower case, without surrounding blanks or a final dot. */
    static String normalise(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
