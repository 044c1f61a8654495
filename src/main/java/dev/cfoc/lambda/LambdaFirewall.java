package dev.cfoc.lambda;

import dev.cfoc.firewall.DnsNames;
import dev.cfoc.firewall.Firewall;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The function's firewall check (docs/cloudfront-rules.md#origin-facing-addresses): the security groups of the origins
 * found in the function's account are read through its clients (EC2 and ELBv2 endpoints from AWS_ENDPOINT_URL_EC2,
 * AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2, AWS_ENDPOINT_URL). When the function is attached to a VPC
 * ({@value #VPC_SUBNET_IDS}, set by the template from VpcSubnetIds), VPC origins are probed too, and the advice of
 * CHECKER_BLOCKED_BY_FIREWALL names the function's own groups ({@value #VPC_SECURITY_GROUP_IDS}).
 */
public final class LambdaFirewall {

    /** The subnets the function is attached to, comma-separated; empty: not in a VPC. */
    public static final String VPC_SUBNET_IDS = "VPC_SUBNET_IDS";
    /** The function's security groups in that VPC, comma-separated. */
    public static final String VPC_SECURITY_GROUP_IDS = "VPC_SECURITY_GROUP_IDS";

    private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-f]+");
    private static final Pattern GROUP = Pattern.compile("sg-[0-9a-f]+");

    private LambdaFirewall() {
    }

    /**
     * @param environment the function's environment (the local invoke's, --env included)
     * @throws IllegalArgumentException naming the variable whose value is not a list of ids
     */
    public static Firewall fromEnvironment(Map<String, String> environment, AwsClientProvider clients, DnsNames dns) {
        List<String> subnets = ids(environment, VPC_SUBNET_IDS, SUBNET);
        List<String> groups = ids(environment, VPC_SECURITY_GROUP_IDS, GROUP);
        return Firewall.checked(clients.network(environment), dns, !subnets.isEmpty(), groups);
    }

    static List<String> ids(Map<String, String> environment, String variable, Pattern id) {
        List<String> ids = Arrays.stream(Optional.ofNullable(environment.get(variable)).orElse("").split(","))
                .map(String::strip).filter(v -> !v.isEmpty()).toList();
        for (String value : ids) {
            if (!id.matcher(value).matches()) {
                throw new IllegalArgumentException(variable + " must be comma-separated ids like "
                        + id.pattern().replace("[0-9a-f]+", "0a1b2c3d") + ", got '" + value + "'");
            }
        }
        return ids;
    }
}
